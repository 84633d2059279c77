import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';

export interface RowControlsProps {
  /** Names the row in button labels and announcements, e.g. "Option 2". */
  name: string;
  /** Stable across moves (the row's id), so focus can follow the row. */
  rowKey: string;
  index: number;
  count: number;
  onMove?: (from: number, to: number) => void;
  onRemove?: () => void;
  /** At least this many rows must stay (two options, one answer…). */
  minimum?: number;
}

/**
 * Move up, move down and remove for one row of a list in the question form: buttons, so no dragging
 * is needed, each naming its row; moves are announced since the focused button stays put.
 */
export function RowControls(props: RowControlsProps) {
  const { name, rowKey, index, count, onMove, onRemove, minimum = 1 } = props;
  const { t } = useTranslation();
  const announce = useAnnounce();
  const move = (to: number, direction: 'up' | 'down') => {
    if (to < 0 || to >= count) {
      announce(t(to < 0 ? 'questions.form.alreadyFirst' : 'questions.form.alreadyLast', { name }));
      return;
    }
    onMove?.(index, to);
    announce(t('questions.form.moved', { name, position: to + 1, count }));
    focusLater(`${rowKey}:${direction}`);
  };
  return (
    <div className="arch-actions question-row-controls">
      {onMove ? (
        <>
          <Button
            variant="secondary"
            data-focus={`${rowKey}:up`}
            aria-disabled={index === 0 || undefined}
            aria-label={t('questions.form.moveUpLabel', { name })}
            onClick={() => move(index - 1, 'up')}
          >
            {t('questions.form.moveUp')}
          </Button>
          <Button
            variant="secondary"
            data-focus={`${rowKey}:down`}
            aria-disabled={index === count - 1 || undefined}
            aria-label={t('questions.form.moveDownLabel', { name })}
            onClick={() => move(index + 1, 'down')}
          >
            {t('questions.form.moveDown')}
          </Button>
        </>
      ) : null}
      {onRemove ? (
        <Button
          variant="secondary"
          disabled={count <= minimum}
          aria-label={t('questions.form.removeLabel', { name })}
          onClick={() => {
            onRemove();
            announce(t('questions.form.removed', { name }));
          }}
        >
          {t('questions.form.remove')}
        </Button>
      ) : null}
    </div>
  );
}

/** Focuses the control marked data-focus=`key` once React has re-rendered the moved row. */
export function focusLater(key: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  });
}

/** Focuses the element with `id` once React has rendered it (a row just added). */
export function focusIdLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** `list` with the entry at `from` moved to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  if (entry !== undefined) next.splice(to, 0, entry);
  return next;
}

/** `list` without the entry at `index`. */
export function without<T>(list: T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** `list` with `index` replaced by `value`. */
export function replaced<T>(list: T[], index: number, value: T): T[] {
  return list.map((entry, position) => (position === index ? value : entry));
}

/**
 * For rows without ids (accepted answers, units): fields keep what is typed in their own state, so
 * after a removal shifts the rows, every row is remounted from the data by changing its key.
 */
export function useRowGeneration(): [number, () => void] {
  const [generation, setGeneration] = useState(0);
  const renew = useCallback(() => setGeneration((count) => count + 1), []);
  return [generation, renew];
}
