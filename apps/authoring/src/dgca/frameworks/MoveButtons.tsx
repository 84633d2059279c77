import { useTranslation } from 'react-i18next';
import { Button, VisuallyHidden } from '@archipelago/ui';

export interface MoveButtonsProps {
  /** Prefix of the buttons' ids: `${idPrefix}-up`, `${idPrefix}-down`, `${idPrefix}-remove`. */
  idPrefix: string;
  index: number;
  count: number;
  /** Names the item for screen readers: "Move up" alone does not say what moves. */
  itemName: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removeLabel: string;
  /** The last item of a list that must keep one is not removable. */
  canRemove?: boolean;
}

/**
 * Reordering by buttons rather than dragging, so it works by keyboard and switch. The first item
 * has no "Move up" and the last no "Move down", instead of buttons that do nothing.
 */
export function MoveButtons(props: MoveButtonsProps) {
  const { idPrefix, index, count, itemName, onMove, onRemove, removeLabel, canRemove = true } = props;
  const { t } = useTranslation();
  return (
    <div className="arch-actions dgca-move">
      {index > 0 ? (
        <Button id={`${idPrefix}-up`} variant="secondary" onClick={() => onMove(-1)}>
          {t('dgca:editor.moveUp')}
          <VisuallyHidden>{t('dgca:editor.whom', { name: itemName })}</VisuallyHidden>
        </Button>
      ) : null}
      {index < count - 1 ? (
        <Button id={`${idPrefix}-down`} variant="secondary" onClick={() => onMove(1)}>
          {t('dgca:editor.moveDown')}
          <VisuallyHidden>{t('dgca:editor.whom', { name: itemName })}</VisuallyHidden>
        </Button>
      ) : null}
      {canRemove ? (
        <Button id={`${idPrefix}-remove`} variant="secondary" onClick={onRemove}>
          {removeLabel}
          <VisuallyHidden>{t('dgca:editor.whom', { name: itemName })}</VisuallyHidden>
        </Button>
      ) : null}
    </div>
  );
}

/** Where focus goes after a move: the same button on the moved item, or the other when it reached an end. */
export function focusAfterMove(idPrefix: string, index: number, by: -1 | 1, count: number): string {
  const to = index + by;
  if (by === -1) return to === 0 ? `${idPrefix}-down` : `${idPrefix}-up`;
  return to === count - 1 ? `${idPrefix}-up` : `${idPrefix}-down`;
}
