import { useRef, useState, type KeyboardEvent } from 'react';

export interface ToolbarItem {
  key: string;
  label: string;
  onClick: () => void;
  /** For toggles (marks, lists): announced as pressed or not. */
  pressed?: boolean;
  disabled?: boolean;
  /** Opens a dialog: screen readers say so. */
  opensDialog?: boolean;
}

export interface ToolbarProps {
  label: string;
  /** The id of the editor the toolbar acts on. */
  controls: string;
  /** Groups of buttons, separated visually. */
  groups: ToolbarItem[][];
}

/**
 * The WAI-ARIA toolbar pattern: one Tab stop, arrow keys (and Home/End) move between buttons, so a
 * keyboard user reaches the editor without tabbing through twenty buttons.
 */
export function Toolbar({ label, controls, groups }: ToolbarProps) {
  const items = groups.flat();
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, items.length - 1);

  const move = (index: number) => {
    const next = (index + items.length) % items.length;
    setActive(next);
    refs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(current + 1),
      ArrowLeft: () => move(current - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  let index = 0;
  return (
    <div
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      className="lesson-toolbar"
      onKeyDown={onKeyDown}
    >
      {groups.map((group, groupIndex) => (
        <div key={groupIndex} className="lesson-toolbar__group">
          {group.map((item) => {
            const position = index++;
            return (
              <button
                key={item.key}
                ref={(element) => {
                  refs.current[position] = element;
                }}
                type="button"
                className="lesson-toolbar__button"
                tabIndex={position === current ? 0 : -1}
                aria-pressed={item.pressed}
                aria-haspopup={item.opensDialog ? 'dialog' : undefined}
                // aria-disabled keeps the button focusable, so arrow keys do not skip it silently.
                aria-disabled={item.disabled || undefined}
                onFocus={() => setActive(position)}
                onClick={() => {
                  if (!item.disabled) item.onClick();
                }}
              >
                {item.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
