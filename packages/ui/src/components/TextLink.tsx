import type { ComponentPropsWithoutRef } from 'react';

export interface TextLinkProps extends ComponentPropsWithoutRef<'a'> {
  href: string;
  /** Opens in a new tab; the caller must say so in the link text. */
  external?: boolean;
}

export function TextLink({ external, ...rest }: TextLinkProps) {
  const externalProps = external ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- content arrives through children in rest
  return <a {...externalProps} {...rest} />;
}
