import { useId, type FormEvent } from 'react';
import { FormField } from '@archipelago/ui';

export interface AddItemFormProps {
  fieldLabel: string;
  buttonText: string;
  /** The button's accessible name when several such forms are on the page; starts with buttonText. */
  buttonLabel?: string;
  error?: string;
  /** Resolves to true when the item was added: the field is then emptied for the next one. */
  onAdd: (title: string) => Promise<boolean>;
}

/** A title field and a button: adds a module, or a lesson to a module. */
export function AddItemForm({ fieldLabel, buttonText, buttonLabel, error, onAdd }: AddItemFormProps) {
  const id = useId();
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get('title') ?? '').trim();
    if (await onAdd(title)) form.reset();
  };
  return (
    <form className="studio-inline-form studio-add-item" noValidate onSubmit={(event) => void add(event)}>
      <FormField label={fieldLabel} id={id} error={error}>
        <input className="arch-input" name="title" />
      </FormField>
      <button type="submit" className="arch-button" aria-label={buttonLabel}>
        {buttonText}
      </button>
    </form>
  );
}
