/**
 * Moves focus to `id` once the open modal dialog has closed and handed focus back to its opener:
 * for actions that remove the opener (a row's button), so focus is not dropped on <body>.
 */
export function focusAfterDialog(id: string): void {
  document.addEventListener('close', () => setTimeout(() => document.getElementById(id)?.focus()), {
    capture: true,
    once: true,
  });
}
