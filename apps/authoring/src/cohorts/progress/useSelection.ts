import { useCallback, useMemo, useState } from 'react';

export interface Selection {
  size: number;
  has(userId: string): boolean;
  /** The chosen learners' ids, in the order they were chosen. */
  ids: string[];
  toggle(learner: { userId: string }, selected: boolean): void;
  selectAll(learners: { userId: string }[]): void;
  clear(): void;
}

/**
 * The learners chosen for a reminder. The choice outlives paging, searching and filtering, so
 * someone can pick people from several pages before writing to them.
 */
export function useSelection(): Selection {
  const [ids, setIds] = useState<string[]>([]);
  const toggle = useCallback((learner: { userId: string }, selected: boolean) => {
    setIds((current) => {
      const without = current.filter((id) => id !== learner.userId);
      return selected ? [...without, learner.userId] : without;
    });
  }, []);
  const selectAll = useCallback((learners: { userId: string }[]) => {
    setIds((current) => [...current, ...learners.map((l) => l.userId).filter((id) => !current.includes(id))]);
  }, []);
  const clear = useCallback(() => setIds([]), []);
  return useMemo(() => {
    const set = new Set(ids);
    return { size: ids.length, has: (id: string) => set.has(id), ids, toggle, selectAll, clear };
  }, [ids, toggle, selectAll, clear]);
}
