import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';

export interface FilterFormProps {
  /** Names the search landmark, e.g. "Filter the outbox". */
  label: string;
  /** The query parameters the form owns; each control's `name` is one of them. */
  names: string[];
  /** The page-number parameter to reset when filters change (see Pagination's `param`). */
  pageParam?: string;
  children: ReactNode;
}

/**
 * Filters live in the URL (?recipient=…), so results can be bookmarked and the Back button undoes
 * a search. Applying filters starts again at page 1. Controls are uncontrolled, with their
 * defaultValue read from the URL; the form is keyed by the URL so it follows Back and Forward.
 */
export function FilterForm({ label, names, pageParam = 'page', children }: FilterFormProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const refocus = useRef(false);
  const address = params.toString();

  // The form is redrawn from the address after each change (see its key), which takes the pressed
  // button with it: focus goes to the new form's "Apply" rather than to the top of the page.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }, [address]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    next.delete(pageParam);
    for (const name of names) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    // Only a changed address redraws the form; otherwise focus is still on the button.
    refocus.current = next.toString() !== address;
    setParams(next);
  };

  const clear = () => {
    const next = new URLSearchParams(params);
    for (const name of [...names, pageParam]) next.delete(name);
    refocus.current = next.toString() !== address;
    setParams(next);
  };

  const active = names.some((name) => params.has(name));

  return (
    <form
      role="search"
      aria-label={label}
      className="studio-filters"
      onSubmit={apply}
      key={address}
      ref={formRef}
    >
      {children}
      <div className="arch-actions">
        <Button type="submit">{t('filters.apply')}</Button>
        {active ? (
          <Button variant="secondary" onClick={clear}>
            {t('filters.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
