import type { ComponentPropsWithoutRef } from 'react';

/** Text for screen readers only; stays in the accessibility tree, unlike display:none. */
export function VisuallyHidden({ className, ...rest }: ComponentPropsWithoutRef<'span'>) {
  return (
    <span className={className ? `arch-visually-hidden ${className}` : 'arch-visually-hidden'} {...rest} />
  );
}
