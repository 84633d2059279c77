import { useEffect, useState } from 'react';

// Links in e-mails carry single-use tokens. Remembering each call by its key means a re-render, a
// remount (React's development double-mount) or a language switch never spends the token twice.
const calls = new Map<string, Promise<unknown>>();

/** Runs `run` once per key for the life of the page and returns its result when it arrives. */
export function useOneShot<T>(key: string | null, run: () => Promise<T>): T | undefined {
  const [result, setResult] = useState<{ key: string; value: T }>();
  useEffect(() => {
    if (key === null) return;
    let current = true;
    let call = calls.get(key) as Promise<T> | undefined;
    if (!call) {
      call = run();
      calls.set(key, call);
    }
    void call.then((value) => {
      if (current) setResult({ key, value });
    });
    return () => {
      current = false;
    };
    // `run` is a fresh function each render; the key alone says which call this is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.value : undefined;
}
