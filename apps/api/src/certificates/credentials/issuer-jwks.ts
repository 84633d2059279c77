import type { IssuerPublicJwk } from './issuer-key.js';

/** The JWKS document published at the issuer's well-known address. */
export interface IssuerJwks {
  keys: IssuerPublicJwk[];
}

/**
 * Builds the published key set from the current key and every retired one. Retired keys stay in
 * the set on purpose: a credential names its key by kid, so dropping a key would silently make
 * every credential it signed unverifiable after a rotation.
 */
export function buildIssuerJwks(keys: readonly IssuerPublicJwk[]): IssuerJwks {
  const seen = new Set<string>();
  const published: IssuerPublicJwk[] = [];
  for (const key of keys) {
    if (seen.has(key.kid)) continue;
    seen.add(key.kid);
    // Copy only public members, so a private JWK passed by mistake never leaks its `d`.
    published.push({ kty: key.kty, crv: key.crv, x: key.x, kid: key.kid, alg: key.alg, use: key.use });
  }
  return { keys: published };
}
