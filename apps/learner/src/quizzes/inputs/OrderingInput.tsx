import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { plainText, RichText } from '../RichText';
import type { InputProps, Narrow } from './input-props';

/**
 * Items put in order with "Move up" and "Move down" buttons rather than drag and drop, so a keyboard
 * or switch user does exactly what a mouse user does. Each move is announced; focus stays on the
 * moved item's button (or its other button once it reaches an end).
 */
export function OrderingInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'ordering'>>) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const listRef = useRef<HTMLOListElement>(null);
  const byId = new Map(question.items.map((item) => [item.id, item]));
  const saved = response && 'order' in response ? response.order.filter((id) => byId.has(id)) : [];
  const order = saved.length === question.items.length ? saved : question.items.map((item) => item.id);
  const answered = saved.length === question.items.length;

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onAnswer({ order: next });
    const label = plainText(byId.get(next[target]!)?.text);
    announce(t('quiz:input.moved', { item: label, position: target + 1, total: next.length }));
    // After React moves the item: keep focus on its button, or the other one at either end.
    requestAnimationFrame(() => {
      const row = listRef.current?.children[target];
      const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${by}"]:not(:disabled)`);
      (wanted ?? row?.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus();
    });
  };

  return (
    <div className="quiz-ordering" role="group" aria-labelledby={`${idPrefix}-ordering-label`}>
      <p id={`${idPrefix}-ordering-label`} className="arch-visually-hidden">
        {t('quiz:input.putInOrder', { number })}
      </p>
      <p className="quiz-hint" id={`${idPrefix}-ordering-hint`}>
        {t('quiz:input.orderHint')}
      </p>
      <ol ref={listRef} className="quiz-ordering__list" aria-describedby={promptId}>
        {order.map((id, index) => {
          const item = byId.get(id)!;
          const label = plainText(item.text);
          return (
            <li key={id} className="quiz-ordering__item">
              <RichText document={item.text} inline className="quiz-ordering__text" />
              {locked ? null : (
                <span className="quiz-ordering__buttons">
                  <Button
                    variant="secondary"
                    data-move="-1"
                    disabled={index === 0}
                    aria-label={t('quiz:input.moveUp', { item: label })}
                    onClick={() => move(index, -1)}
                  >
                    {t('quiz:input.up')}
                  </Button>
                  <Button
                    variant="secondary"
                    data-move="1"
                    disabled={index === order.length - 1}
                    aria-label={t('quiz:input.moveDown', { item: label })}
                    onClick={() => move(index, 1)}
                  >
                    {t('quiz:input.down')}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!answered && !locked ? (
        <Button variant="secondary" onClick={() => onAnswer({ order })}>
          {t('quiz:input.keepOrder')}
        </Button>
      ) : null}
    </div>
  );
}
