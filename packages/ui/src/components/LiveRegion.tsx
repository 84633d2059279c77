import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the whole app. It must exist before messages arrive, or screen
 * readers miss them, so it is rendered once near the root rather than with each message.
 */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const announce = useCallback<Announce>((next) => {
    // Clearing first lets the same message be announced twice in a row.
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);

  return (
    <AnnounceContext value={announce}>
      {children}
      <div className="arch-visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext>
  );
}

/** Returns a function that reads a message out to screen-reader users without moving focus. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
