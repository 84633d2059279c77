import type { ComponentPropsWithoutRef } from 'react';
import { buttonClassName, type ButtonVariant } from './Button';

export interface ButtonLinkProps extends ComponentPropsWithoutRef<'a'> {
  href: string;
  variant?: ButtonVariant;
}

/**
 * A link that looks like a button, for calls to action that go somewhere. It stays an <a> so
 * screen readers announce it as a link. For in-app routes pass buttonClassName() to a router Link.
 */
export function ButtonLink({ variant, className, ...rest }: ButtonLinkProps) {
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- content arrives through children in rest
  return <a className={buttonClassName(variant, className)} {...rest} />;
}
