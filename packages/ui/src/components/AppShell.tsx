import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SkipLink } from './SkipLink';

export interface AppShellProps {
  /** The app's name, usually a link to its home page. */
  brand: ReactNode;
  /** <li> items for the main navigation, typically router NavLinks. */
  navItems: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Skip link, banner, navigation, one <main id="main"> and a footer: the same landmarks on every page. */
export function AppShell({ brand, navItems, children, footer }: AppShellProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="arch-shell">
      <SkipLink />
      <header className="arch-header">
        <div className="arch-container arch-header__inner">
          <div className="arch-header__name">{brand}</div>
          <nav className="arch-nav" aria-label={t('navigation')}>
            <ul>{navItems}</ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="arch-main">
        <div className="arch-container">{children}</div>
      </main>
      <footer className="arch-footer">
        <div className="arch-container">{footer ?? <p>{t('footer.about')}</p>}</div>
      </footer>
    </div>
  );
}
