import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The URL of the page that last took focus. On first load focus stays at the top of the document
// (so the skip link is the first Tab stop); after a client-side navigation the new page's <h1>
// takes focus so screen readers announce where the user has arrived.
let lastFocusedUrl: string | null = null;

export interface PageProps {
  /** The page's <h1>, also used for document.title as "<title> — Archipelago". */
  title: string;
  /** A shorter name for the browser tab and history when the heading is long, e.g. "Home". */
  documentTitle?: string;
  children?: ReactNode;
}

export function Page({ title, documentTitle: shortTitle, children }: PageProps) {
  const { t } = useTranslation('ui');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const documentTitle = t('documentTitle', { page: shortTitle ?? title });

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  useEffect(() => {
    const url = window.location.href;
    // Comparing URLs, not a first-render flag, keeps React's dev double-mount from stealing focus.
    if (lastFocusedUrl !== null && lastFocusedUrl !== url) headingRef.current?.focus();
    lastFocusedUrl = url;
  }, []);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
