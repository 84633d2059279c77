import { useRef, useState, type DragEvent } from 'react';
import type { DropSide } from '../outlineOrder';

/** What is being dragged: a module or an activity, by id. */
export type Dragged = { kind: 'module' | 'activity'; id: string };

/** Where the dragged item would land: next to (or into) the item with this id. */
export interface DropTarget {
  kind: 'module' | 'activity';
  id: string;
  side: DropSide;
}

export interface OutlineDrag {
  dragged: Dragged | null;
  target: DropTarget | null;
  /** Props for a drag handle of a module or an activity. */
  handle: (item: Dragged) => {
    draggable: true;
    onDragStart: (event: DragEvent<HTMLElement>) => void;
    onDragEnd: () => void;
  };
  /** Props for a module's or an activity's list item, which takes drops. */
  dropZone: (item: { kind: 'module' | 'activity'; id: string }) => {
    onDragOver: (event: DragEvent<HTMLElement>) => void;
    onDragLeave: (event: DragEvent<HTMLElement>) => void;
    onDrop: (event: DragEvent<HTMLElement>) => void;
  };
}

/** The drag's own data type: drops of files, links or text from elsewhere are not outline moves. */
const DRAG_TYPE = 'application/x-archipelago-outline';

/** Upper or lower half of the element under the pointer. */
const sideOf = (event: DragEvent<HTMLElement>): 'before' | 'after' => {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
};

/**
 * Native HTML drag and drop for the outline, as a pointer shortcut: every move it makes can also be
 * made with the "Move" buttons, which keyboard and screen-reader users use (WCAG 2.5.7). Modules drop
 * before or after modules; activities before or after activities, or into a module (at its end).
 */
export function useOutlineDrag(onDrop: (dragged: Dragged, target: DropTarget) => void): OutlineDrag {
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  // The first dragover can come before React renders the new state: the handlers read this instead.
  const current = useRef<Dragged | null>(null);

  const end = () => {
    current.current = null;
    setDragged(null);
    setTarget(null);
  };

  const handle: OutlineDrag['handle'] = (item) => ({
    draggable: true,
    onDragStart: (event) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(DRAG_TYPE, item.id);
      // Some browsers start no drag without a text/plain entry.
      event.dataTransfer.setData('text/plain', item.id);
      const row = event.currentTarget.closest('li');
      if (row) event.dataTransfer.setDragImage(row, 16, 16);
      current.current = item;
      setDragged(item);
    },
    onDragEnd: end,
  });

  /** Where the dragged item would go if dropped on this zone now; null when it cannot go there. */
  const targetFor = (
    zone: { kind: 'module' | 'activity'; id: string },
    event: DragEvent<HTMLElement>,
  ): DropTarget | null => {
    const item = current.current;
    if (!item || zone.id === item.id) return null;
    if (item.kind === 'module') {
      // Activities' zones let module drags through to their module's zone.
      return zone.kind === 'module' ? { ...zone, side: sideOf(event) } : null;
    }
    return zone.kind === 'activity' ? { ...zone, side: sideOf(event) } : { ...zone, side: 'into' };
  };

  const dropZone: OutlineDrag['dropZone'] = (zone) => ({
    onDragOver: (event) => {
      if (current.current?.id === zone.id) {
        // Over itself: nowhere to go, and the module around it must not offer "into".
        event.stopPropagation();
        if (target) setTarget(null);
        return;
      }
      const next = targetFor(zone, event);
      if (!next || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
      // Handled here: the module around an activity must not claim the same drop.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      if (target?.id !== next.id || target.side !== next.side || target.kind !== next.kind) setTarget(next);
    },
    onDragLeave: (event) => {
      const into = event.relatedTarget;
      if (into instanceof Node && event.currentTarget.contains(into)) return;
      if (target?.id === zone.id) setTarget(null);
    },
    onDrop: (event) => {
      const item = current.current;
      if (item?.id === zone.id) event.stopPropagation();
      const next = targetFor(zone, event);
      if (!next || !item) return;
      event.preventDefault();
      event.stopPropagation();
      end();
      onDrop(item, next);
    },
  });

  return { dragged, target, handle, dropZone };
}
