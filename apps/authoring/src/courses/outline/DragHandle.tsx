import { useTranslation } from 'react-i18next';
import type { OutlineDrag, Dragged } from './useOutlineDrag';

export interface DragHandleProps {
  item: Dragged;
  title: string;
  drag: OutlineDrag;
}

/**
 * The grip a pointer drags a module or an activity by. Hidden from assistive technology and out of
 * the Tab order on purpose: the "Move" buttons next to it do the same for keyboards and screen readers.
 */
export function DragHandle({ item, title, drag }: DragHandleProps) {
  const { t } = useTranslation();
  return (
    <span
      className="studio-drag-handle"
      aria-hidden="true"
      title={t('courses.outline.dragHandle', { title })}
      data-drag-handle={item.id}
      {...drag.handle(item)}
    />
  );
}
