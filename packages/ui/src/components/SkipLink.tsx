import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SkipLinkProps {
  targetId?: string;
}

/** First focusable element on every page. */
export function SkipLink({ targetId = 'main' }: SkipLinkProps) {
  const { t } = useTranslation('ui');
  // Focus the target directly so the URL does not gain a #main that the router would then track.
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
  return (
    <a className="arch-skip-link" href={`#${targetId}`} onClick={onClick}>
      {t('skipLink')}
    </a>
  );
}
