import type { ReactNode } from 'react';

export interface AlertProps {
  title: string;
  children?: ReactNode;
  /** "error" is announced immediately (role=alert); "info" politely (role=status). */
  tone?: 'error' | 'info';
  headingLevel?: 2 | 3;
}

export function Alert({ title, children, tone = 'error', headingLevel = 2 }: AlertProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      className={tone === 'error' ? 'arch-alert' : 'arch-alert arch-alert--info'}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}
