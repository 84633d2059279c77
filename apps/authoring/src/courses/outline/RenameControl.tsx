import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';

export interface RenameControlProps {
  title: string;
  /** "Rename module “Basics”": the button's accessible name, starting with its visible text. */
  buttonLabel: string;
  fieldLabel: string;
  /** Resolves to true when the new title was saved. */
  onRename: (title: string) => Promise<boolean>;
}

/** "Rename" opens a small form in place; saving or cancelling returns focus to the button. */
export function RenameControl({ title, buttonLabel, fieldLabel, onRename }: RenameControlProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const inputId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) document.getElementById(inputId)?.focus();
    else if (wasEditing.current) button.current?.focus();
    wasEditing.current = editing;
  }, [editing, inputId]);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('title') ?? '').trim();
    if (value === title || (await onRename(value))) setEditing(false);
  };

  if (!editing) {
    return (
      <button
        type="button"
        ref={button}
        className="arch-button arch-button--secondary"
        aria-label={buttonLabel}
        onClick={() => setEditing(true)}
      >
        {t('courses.outline.rename')}
      </button>
    );
  }
  return (
    <form className="studio-inline-form" onSubmit={(event) => void save(event)}>
      <FormField label={fieldLabel} id={inputId}>
        <input className="arch-input" name="title" defaultValue={title} />
      </FormField>
      <Button type="submit">{t('courses.outline.saveTitle')}</Button>
      <Button variant="secondary" onClick={() => setEditing(false)}>
        {t('confirm.cancel')}
      </Button>
    </form>
  );
}
