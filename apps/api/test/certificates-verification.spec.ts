import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey, verify as verifySignature, type JsonWebKey } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { createPerson } from './admin-fixtures.js';
import {
  certificateWorld,
  clientAddress,
  issuedCertificate,
  type CertificateWorld,
} from './certificate-fixtures.js';
import { call, signIn } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * An independent verifier: no jose, no code of the application, only HTTP and node:crypto, as a
 * third party would check a certificate with nothing but our published keys.
 */
const fromBase64url = (text: string) => Buffer.from(text, 'base64url');

interface Jwk extends JsonWebKey {
  kid: string;
}

/** The members of the signed payloads this test reads by hand. */
interface Claims {
  [member: string]: unknown;
  credentialSubject: {
    [member: string]: unknown;
    encodedList: string;
    achievement: { criteria: { narrative: string } };
  };
}

function checkJws(
  jws: string,
  keys: Jwk[],
): { valid: boolean; header: Record<string, unknown>; payload: Claims } {
  const [header64, payload64, signature64] = jws.split('.') as [string, string, string];
  const header = JSON.parse(fromBase64url(header64).toString('utf8')) as Record<string, unknown>;
  let payload = null as unknown as Claims;
  try {
    payload = JSON.parse(fromBase64url(payload64).toString('utf8')) as Claims;
  } catch {
    // A tampered payload may not even be JSON: the signature check below says it is invalid.
  }
  const jwk = keys.find((key) => key.kid === header.kid);
  if (header.alg !== 'EdDSA' || !jwk) return { valid: false, header, payload };
  const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  const valid = verifySignature(
    null,
    Buffer.from(`${header64}.${payload64}`, 'ascii'),
    publicKey,
    fromBase64url(signature64),
  );
  return { valid, header, payload };
}

/** The bit at `position` of a Bitstring Status List: multibase 'u' + base64url, GZIP, left-most bit first. */
function statusBit(encodedList: string, position: number): number {
  expect(encodedList.startsWith('u')).toBe(true);
  const bits = gunzipSync(fromBase64url(encodedList.slice(1)));
  expect(bits.length * 8).toBe(131072);
  return (bits[position >> 3]! >> (7 - (position & 7))) & 1;
}

describe('certificates: independent verification of signatures and revocation', () => {
  let t: TestApp;
  let world: CertificateWorld;
  const publicGet = (path: string) => t.http.get(path).set('x-forwarded-for', clientAddress());
  const jwks = async () => (await publicGet('/api/credentials/jwks')).body.keys as Jwk[];
  const credentialJws = async (code: string) => {
    const res = await publicGet(`/api/verify/${code}/credential`);
    expect(res.status).toBe(200);
    const enveloped = JSON.parse(res.text) as { id: string };
    return enveloped.id.replace(/^data:application\/vc\+jwt,/, '');
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await certificateWorld(t);
  });
  afterAll(() => t.close());

  it('lets verifiers on other sites read what verification needs, without cookies', async () => {
    const { certificate } = await issuedCertificate(t, world);
    const list = Math.floor(certificate.statusIndex / 131072) + 1;
    for (const path of [
      '/api/credentials/jwks',
      '/.well-known/jwks.json',
      '/api/credentials/issuer',
      `/api/credentials/status/${list}`,
      `/api/verify/${certificate.code}`,
      `/api/verify/${certificate.code}/credential`,
    ]) {
      const res = await publicGet(path).set('origin', 'https://wallet.example.org');
      expect({ path, status: res.status, cors: res.headers['access-control-allow-origin'] }).toEqual({
        path,
        status: 200,
        cors: '*',
      });
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('publishes the keys and the issuer profile that issued credentials point to', async () => {
    const keys = await jwks();
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    }
    const wellKnown = await publicGet('/.well-known/jwks.json');
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.body.keys).toEqual(keys);

    const issuer = await publicGet('/api/credentials/issuer');
    expect(issuer.body).toMatchObject({
      id: 'http://localhost:3000/api/credentials/issuer',
      type: ['Profile'],
      name: 'Archipelago',
      url: 'http://localhost:3000',
    });
  });

  it('serves the credential as an EnvelopedVerifiableCredential whose signature checks with the published key', async () => {
    const { certificate } = await issuedCertificate(t, world);
    const res = await publicGet(
      `/api/verify/${certificate.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-')}/credential`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="certificate-${certificate.code.replace(/(.{4})(?=.)/g, '$1-')}.json"`,
    );
    const enveloped = JSON.parse(res.text);
    expect(enveloped).toEqual({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: expect.stringMatching(/^data:application\/vc\+jwt,[\w-]+\.[\w-]+\.[\w-]+$/),
      type: 'EnvelopedVerifiableCredential',
    });

    const jws = await credentialJws(certificate.code);
    const keys = await jwks();
    const checked = checkJws(jws, keys);
    expect(checked.valid).toBe(true);
    expect(checked.header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    const credential = checked.payload;
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', expect.stringContaining('ob/v3p0')],
      id: `http://localhost:3000/verify/${certificate.code}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'http://localhost:3000/api/credentials/issuer', type: ['Profile'] },
      iss: 'http://localhost:3000/api/credentials/issuer',
      jti: `http://localhost:3000/verify/${certificate.code}`,
      credentialSubject: {
        type: ['AchievementSubject'],
        name: 'Ana María Pérez-Łukasiewicz',
        achievement: { type: ['Achievement'], name: 'Open government data' },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(certificate.statusIndex % 131072),
        statusListCredential: `http://localhost:3000/api/credentials/status/${Math.floor(certificate.statusIndex / 131072) + 1}`,
      },
    });
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain(
      'Ana María Pérez-Łukasiewicz',
    );

    // One changed character anywhere in the signed part: the signature no longer holds.
    const [header64, payload64, signature64] = jws.split('.') as [string, string, string];
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(checkJws(`${header64}.${flip(payload64, 40)}.${signature64}`, keys).valid).toBe(false);
    expect(checkJws(`${header64}.${payload64}.${flip(signature64, 10)}`, keys).valid).toBe(false);
    const renamed = Buffer.from(
      JSON.stringify({
        ...credential,
        credentialSubject: { ...credential.credentialSubject, name: 'Mallory' },
      }),
    ).toString('base64url');
    expect(checkJws(`${header64}.${renamed}.${signature64}`, keys).valid).toBe(false);
  });

  it("sets the certificate's bit in the signed status list when it is revoked, at once", async () => {
    const { certificate } = await issuedCertificate(t, world);
    const list = Math.floor(certificate.statusIndex / 131072) + 1;
    const position = certificate.statusIndex % 131072;
    const fetchList = async (etag?: string) => {
      const req = publicGet(`/api/credentials/status/${list}`)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
      if (etag) req.set('if-none-match', etag);
      return req;
    };

    const before = await fetchList();
    expect(before.status).toBe(200);
    expect(before.headers['content-type']).toBe('application/vc+jwt');
    expect(before.headers['cache-control']).toBe('no-cache');
    const keys = await jwks();
    const checkedBefore = checkJws(before.body as string, keys);
    expect(checkedBefore.valid).toBe(true);
    expect(checkedBefore.payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `http://localhost:3000/api/credentials/status/${list}`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: 'http://localhost:3000/api/credentials/issuer' },
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(statusBit(checkedBefore.payload.credentialSubject.encodedList, position)).toBe(0);
    expect((await fetchList(before.headers.etag)).status).toBe(304);

    const revoked = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${certificate.id}/revoke`,
    ).send({
      reason: 'Issued in error',
      reasonPublic: false,
    });
    expect(revoked.status).toBe(200);

    // The old ETag no longer matches: no cache may keep the list from before the revocation.
    const after = await fetchList(before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const checkedAfter = checkJws(after.body as string, keys);
    expect(checkedAfter.valid).toBe(true);
    expect(statusBit(checkedAfter.payload.credentialSubject.encodedList, position)).toBe(1);
    // Valid from the revocation that changed it, not from the moment it was signed: a verifier
    // whose clock runs behind must not find it "not yet valid".
    const [{ revokedAt }] = (await t.app.get(DataSource).query(
      `SELECT max(revoked_at) AS "revokedAt" FROM certificate
          WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2`,
      [(list - 1) * 131072, list * 131072],
    )) as [{ revokedAt: Date }];
    const validFrom = Math.floor(revokedAt.getTime() / 1000);
    expect(checkedAfter.payload.validFrom).toBe(
      new Date(validFrom * 1000).toISOString().replace('.000Z', 'Z'),
    );
    expect(checkedAfter.payload.nbf).toBe(validFrom);
    // Only that bit: its neighbours (other learners' certificates) stay unrevoked unless revoked.
    const db = t.app.get(DataSource);
    const revokedIndexes = (
      (await db.query(`SELECT status_index::float8 AS i FROM certificate WHERE revoked_at IS NOT NULL`)) as {
        i: number;
      }[]
    ).map((r) => r.i);
    const bits = gunzipSync(fromBase64url(checkedAfter.payload.credentialSubject.encodedList.slice(1)));
    let set = 0;
    for (const byte of bits) for (let b = 0; b < 8; b += 1) set += (byte >> b) & 1;
    expect(set).toBe(revokedIndexes.filter((i) => Math.floor(i / 131072) + 1 === list).length);

    // The credential itself still verifies: revocation is the status list's to say.
    expect(checkJws(await credentialJws(certificate.code), keys).valid).toBe(true);
    expect((await publicGet('/api/credentials/status/999999')).status).toBe(404);
    expect((await publicGet('/api/credentials/status/0')).status).toBe(404);
    expect((await publicGet('/api/credentials/status/abc')).status).toBe(404);
  });

  it('rotates the key: old credentials keep verifying, new ones name the new key', async () => {
    const before = await issuedCertificate(t, world);
    const oldJws = await credentialJws(before.certificate.code);
    const oldKid = checkJws(oldJws, await jwks()).header.kid;

    const refused = await call(t, world.institutionAdmin, 'post', '/api/credentials/keys/rotate');
    expect(refused.status).toBe(403);
    const rotated = await call(t, world.platformAdmin, 'post', '/api/credentials/keys/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ kid: expect.any(String), retiredKid: oldKid });

    const keys = await jwks();
    expect(keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, rotated.body.kid]));
    expect(checkJws(oldJws, keys).valid).toBe(true);

    const after = await issuedCertificate(t, world, before.course);
    const newChecked = checkJws(await credentialJws(after.certificate.code), keys);
    expect(newChecked.valid).toBe(true);
    expect(newChecked.header.kid).toBe(rotated.body.kid);

    const [event] = (await t.app
      .get(DataSource)
      .query(
        `SELECT action, details FROM audit_event WHERE action = 'issuer_key.rotated' ORDER BY id DESC LIMIT 1`,
      )) as {
      details: Record<string, unknown>;
    }[];
    expect(event!.details).toEqual({ kid: rotated.body.kid, retiredKid: oldKid });
  });

  it('takes simultaneous rotations in turn: each retires the key the one before made, none fails', async () => {
    const rotations = await Promise.all(
      [1, 2, 3].map(() => call(t, world.platformAdmin, 'post', '/api/credentials/keys/rotate')),
    );
    expect(rotations.map((res) => res.status)).toEqual([200, 200, 200]);
    const made = new Set(rotations.map((res) => res.body.kid as string));
    const retired = rotations.map((res) => res.body.retiredKid as string);
    expect(made.size).toBe(3);
    // Two of the three retired a key another of them had just made.
    expect(retired.filter((kid) => made.has(kid))).toHaveLength(2);
    const current = (await t.app
      .get(DataSource)
      .query(`SELECT kid FROM issuer_key WHERE retired_at IS NULL`)) as { kid: string }[];
    expect(current).toHaveLength(1);
    expect(made.has(current[0]!.kid)).toBe(true);
  });

  it('shows nothing about the learner but the certificate, and the same 404 for unknown or unissued codes', async () => {
    const { certificate } = await issuedCertificate(t, world);
    const res = await publicGet(`/api/verify/${certificate.code}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'code',
        'status',
        'learnerName',
        'courseTitle',
        'institutionName',
        'completedAt',
        'issuedAt',
        'expiresAt',
        'revokedAt',
        'revocationReason',
        'supersededAt',
        'issuer',
        'credentialUrl',
        'pdfUrl',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      code: certificate.code.replace(/(.{4})(?=.)/g, '$1-'),
      status: 'valid',
      issuer: { name: 'Archipelago', url: 'http://localhost:3000' },
      credentialUrl: `/api/verify/${certificate.code}/credential`,
      pdfUrl: `/api/verify/${certificate.code}/pdf`,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/@example\.org|userId|email/);

    const unknown = await publicGet('/api/verify/0000-0000-0000-0000');
    const malformed = await publicGet('/api/verify/not-a-code');
    for (const answer of [unknown, malformed]) {
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe('There is no certificate with this code.');
    }
    for (const suffix of ['credential', 'pdf']) {
      expect((await publicGet(`/api/verify/0000000000000000/${suffix}`)).status).toBe(404);
    }
  });

  it('limits checks per client address (429 with Retry-After), not for everyone', async () => {
    const { certificate } = await issuedCertificate(t, world);
    const address = clientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i += 1) {
      statuses.push(
        (await t.http.get(`/api/verify/${certificate.code}`).set('x-forwarded-for', address)).status,
      );
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
    const limited = await t.http.get(`/api/verify/${certificate.code}`).set('x-forwarded-for', address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.type).toBe('urn:archipelago:problem:too-many-requests');
    expect((await publicGet(`/api/verify/${certificate.code}`)).status).toBe(200);
  });

  it("lists a learner's own certificates only", async () => {
    const { learner } = await issuedCertificate(t, world);
    const someone = await createPerson(t, undefined, 'cert-nobody');
    const other = await signIn(t, someone.email, someone.password);
    expect((await call(t, other, 'get', '/api/me/certificates')).body).toEqual({ items: [] });
    expect((await call(t, learner, 'get', '/api/me/certificates')).body.items).toHaveLength(1);
    expect((await t.http.get('/api/me/certificates')).status).toBe(401);
  });
});

describe('certificates: the well-known JWKS beside the served web apps', () => {
  let t: TestApp;
  let appsDir: string;

  beforeAll(async () => {
    appsDir = await mkdtemp(join(tmpdir(), 'archipelago-apps-'));
    for (const app of ['learner', 'authoring']) {
      await mkdir(join(appsDir, app, 'dist'), { recursive: true });
      await writeFile(join(appsDir, app, 'dist', 'index.html'), `<!doctype html><title>${app}</title>`);
    }
    t = await createTestApp({ SERVE_WEB_APPS: 'true', WEB_APPS_DIR: appsDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(appsDir, { recursive: true, force: true });
  });

  it('answers /.well-known/jwks.json with the keys, not the learner app, which keeps /verify/:code', async () => {
    const jwks = await t.http.get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.headers['content-type']).toMatch(/^application\/json/);
    expect(jwks.body).toEqual((await t.http.get('/api/credentials/jwks')).body);
    const page = await t.http.get('/verify/7K3M-Q9PX-2D4R-HT6W');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>learner</title>');
  });
});
