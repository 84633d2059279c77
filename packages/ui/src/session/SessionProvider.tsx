import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient, Me, ProblemDetails } from '@archipelago/api-client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  /** The API could not be reached: neither signed in nor out is known. */
  | { status: 'unknown' };

export type SignInResult = { ok: true; me: Me } | { ok: false; problem: ProblemDetails | undefined };

export interface Session {
  state: SessionState;
  /** The signed-in person, or undefined. */
  me: Me | undefined;
  /** Platform admins and anyone who trains or administers in some institution: may use the Studio. */
  isStaff: boolean;
  signIn(email: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
  /** Re-reads the person (after a profile change, accepting an invitation…). */
  refresh(): Promise<void>;
  /** Adopts a person returned by another endpoint that starts a session (sign-up, invitations). */
  adopt(me: Me): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Asks the API who is signed in; a network failure is "unknown", not "signed out". */
async function readSession(api: ApiClient): Promise<SessionState> {
  try {
    const { data, response } = await api.GET('/api/me');
    if (data) return { status: 'signed-in', me: data };
    return response.status === 401 ? { status: 'signed-out' } : { status: 'unknown' };
  } catch {
    return { status: 'unknown' };
  }
}

/** Knows who is signed in (from GET /api/me) and keeps the API client's CSRF token in step. */
export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const apply = useCallback(
    (next: SessionState) => {
      api.csrf.set(next.status === 'signed-in' ? next.me.csrfToken : null);
      setState(next);
    },
    [api],
  );

  const adopt = useCallback((me: Me) => apply({ status: 'signed-in', me }), [apply]);

  const refresh = useCallback(async () => apply(await readSession(api)), [api, apply]);

  useEffect(() => {
    let current = true;
    void readSession(api).then((next) => current && apply(next));
    return () => {
      current = false;
    };
  }, [api, apply]);

  const signIn = useCallback(
    async (email: string, password: string): Promise<SignInResult> => {
      const { data, error } = await api.POST('/api/auth/login', { body: { email, password } });
      if (data) {
        adopt(data);
        return { ok: true, me: data };
      }
      return { ok: false, problem: error as ProblemDetails | undefined };
    },
    [api, adopt],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    apply({ status: 'signed-out' });
  }, [api, apply]);

  const value = useMemo<Session>(() => {
    const me = state.status === 'signed-in' ? state.me : undefined;
    const isStaff = Boolean(
      me &&
      (me.user.isPlatformAdmin ||
        me.memberships.some((m) => m.role === 'trainer' || m.role === 'institution_admin')),
    );
    return { state, me, isStaff, signIn, signOut, refresh, adopt };
  }, [state, signIn, signOut, refresh, adopt]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}
