import { useCallback, useEffect, useRef } from 'react';

/**
 * Focus for controls that move or appear with the next render (a statement moved up, a level
 * added): the caller names the element's id now, and it is focused once it is on screen.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
