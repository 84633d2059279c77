import type { OutlineDrag } from './useOutlineDrag';

/** The item's class, with modifiers while it is dragged or while a drop would land next to (or in) it. */
export function dropClass(base: string, drag: OutlineDrag | null, id: string): string {
  if (!drag) return base;
  const classes = [base];
  if (drag.dragged?.id === id) classes.push(`${base}--dragged`);
  if (drag.target?.id === id) classes.push(`studio-drop studio-drop--${drag.target.side}`);
  return classes.join(' ');
}
