import type { ComponentPropsWithoutRef } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

/** Class names for anything that should look like a button, e.g. a router <Link> that starts a task. */
export function buttonClassName(variant: ButtonVariant = 'primary', extra?: string): string {
  const base = variant === 'primary' ? 'arch-button' : `arch-button arch-button--${variant}`;
  return extra ? `${base} ${extra}` : base;
}

export interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  variant?: ButtonVariant;
}

/** A native <button>; defaults to type="button" so it never submits a form by accident. */
export function Button({ variant, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClassName(variant, className)} {...rest} />;
}
