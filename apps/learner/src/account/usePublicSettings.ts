import { useEffect, useState } from 'react';
import { api } from '../api';

type PublicSettings = { signUpOpen: boolean };

let cached: Promise<PublicSettings | undefined> | undefined;

/** The settings anyone may read (is sign-up open?), fetched once per visit; undefined until known. */
export function usePublicSettings(): PublicSettings | undefined {
  const [settings, setSettings] = useState<PublicSettings>();
  useEffect(() => {
    let current = true;
    cached ??= api.GET('/api/settings/public').then(
      ({ data }) => data,
      () => undefined,
    );
    void cached.then((value) => {
      if (!value) cached = undefined;
      if (current) setSettings(value);
    });
    return () => {
      current = false;
    };
  }, []);
  return settings;
}
