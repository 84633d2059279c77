import { useTranslation } from 'react-i18next';

export interface MoveButtonsProps {
  /** Identifies the item for focus after the move, e.g. "module:<id>". */
  focusPrefix: string;
  title: string;
  isFirst: boolean;
  isLast: boolean;
  onMove: (by: -1 | 1) => void;
}

/**
 * "Move up" and "Move down". At either end the button stays focusable (aria-disabled, not
 * disabled) so focus is not lost when an item reaches the top or bottom.
 */
export function MoveButtons({ focusPrefix, title, isFirst, isLast, onMove }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="arch-button arch-button--secondary"
        data-focus={`${focusPrefix}:up`}
        aria-label={t('courses.outline.moveUpLabel', { title })}
        aria-disabled={isFirst || undefined}
        onClick={() => onMove(-1)}
      >
        {t('courses.outline.moveUp')}
      </button>
      <button
        type="button"
        className="arch-button arch-button--secondary"
        data-focus={`${focusPrefix}:down`}
        aria-label={t('courses.outline.moveDownLabel', { title })}
        aria-disabled={isLast || undefined}
        onClick={() => onMove(1)}
      >
        {t('courses.outline.moveDown')}
      </button>
    </>
  );
}
