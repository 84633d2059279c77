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

/** Knows who is signed in (from GET /api/me) and keeps the API client's CSRF token in step. */
export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback(
    (me: Me) => {
      api.csrf.set(me.csrfToken);
      setState({ status: 'signed-in', me });
    },
    [api],
  );

  const refresh = useCallback(async () => {
    try {
      const { data, response } = await api.GET('/api/me');
      if (data) adopt(data);
      else if (response.status === 401) {
        api.csrf.set(null);
        setState({ status: 'signed-out' });
      } else setState({ status: 'unknown' });
    } catch {
      setState({ status: 'unknown' });
    }
  }, [api, adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
    api.csrf.set(null);
    setState({ status: 'signed-out' });
  }, [api]);

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
