import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { OrderingQuestion } from '../questionModel';
import { newId } from '../questionDefaults';
import { textToDoc } from '../richText';
import { fieldId } from './fieldErrors';
import { DocTextField } from './inputs';
import { focusIdLater, moved, replaced, RowControls, without } from './RowControls';

/** Items in their correct order; learners get them shuffled. */
export function OrderingFields({
  question,
  onChange,
}: {
  question: OrderingQuestion;
  onChange: (question: OrderingQuestion) => void;
}) {
  const { t } = useTranslation();
  const items = question.items;
  return (
    <fieldset className="studio-fieldset question-list">
      <legend>{t('questions.form.items')}</legend>
      <p className="arch-field__hint">{t('questions.form.itemsHint')}</p>
      <ol>
        {items.map((item, index) => (
          <li key={item.id} className="question-list__row">
            <DocTextField
              label={t('questions.form.itemText', { number: index + 1 })}
              path={`question.items.${index}.text`}
              initial={item.text}
              onChange={(text) =>
                onChange({ ...question, items: replaced(items, index, { ...item, text: text! }) })
              }
            />
            <RowControls
              name={t('questions.form.itemName', { number: index + 1 })}
              rowKey={`item:${item.id}`}
              index={index}
              count={items.length}
              minimum={2}
              onMove={(from, to) => onChange({ ...question, items: moved(items, from, to) })}
              onRemove={() => {
                onChange({ ...question, items: without(items, index) });
                focusIdLater('items-add');
              }}
            />
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        id="items-add"
        onClick={() => {
          onChange({ ...question, items: [...items, { id: newId(), text: textToDoc('') }] });
          focusIdLater(fieldId(`question.items.${items.length}.text`));
        }}
      >
        {t('questions.form.addItem')}
      </Button>
    </fieldset>
  );
}
