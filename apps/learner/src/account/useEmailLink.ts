import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useAnnounce, useSession } from '@archipelago/ui';
import { useOneShot } from './one-shot';

/**
 * For pages opened from a link in an e-mail that spends its token on arrival (verify the address,
 * confirm a new one): reads ?token=, spends it once, and on success announces it and reloads the
 * session, whose e-mail details just changed. Resolves to undefined until the answer arrives.
 */
export function useEmailLink<Outcome extends string>(
  name: string,
  spend: (token: string) => Promise<Outcome>,
  succeeded: Outcome,
  doneMessage: string,
) {
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const token = params.get('token');
  const outcome = useOneShot(token ? `${name}:${token}` : null, () => spend(token ?? ''));

  useEffect(() => {
    if (outcome !== succeeded) return;
    announce(doneMessage);
    void refresh();
  }, [outcome, succeeded, announce, refresh, doneMessage]);

  return { token, outcome };
}
