import { useEffect, useState } from 'react';

/**
 * The width of an element in CSS pixels, followed as it changes, so a drawing can be laid out at
 * that width with its words at reading size instead of being scaled down to fit. Returns the
 * width and a callback ref for the element.
 */
export function useWidth<E extends HTMLElement>(initial: number): [number, (element: E | null) => void] {
  const [element, setElement] = useState<E | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [width, setElement];
}
