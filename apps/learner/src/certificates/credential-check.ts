// Checks a credential file in the browser, as any third party could, with nothing but the issuer's
// published keys and status list: the signature (EdDSA VC-JWT, ADR 0017), the expiry and the
// revocation bit. Loaded only when someone checks a file (jose stays out of the page's chunk).
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';

export type CredentialProblem =
  'malformed' | 'unknown_key' | 'keys_unavailable' | 'signature' | 'expired' | 'revoked' | 'status_unchecked';

export interface CredentialSummary {
  learnerName: string | null;
  achievement: string | null;
  issuer: string | null;
  validUntil: string | null;
}

export type CredentialCheckResult =
  | { valid: true; summary: CredentialSummary }
  | { valid: false; problem: CredentialProblem; summary: CredentialSummary | null };

const ENVELOPE_PREFIX = 'data:application/vc+jwt,';
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const STATUS_LIST_PATH = /\/api\/credentials\/status\/(\d+)$/;

class Problem extends Error {
  constructor(readonly problem: CredentialProblem) {
    super(problem);
  }
}

/** The compact JWS inside an EnvelopedVerifiableCredential JSON file, or the file itself when it is one. */
export function jwsFromFile(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let envelope: unknown;
    try {
      envelope = JSON.parse(trimmed);
    } catch {
      throw new Problem('malformed');
    }
    const id = (envelope as { id?: unknown }).id;
    if (typeof id !== 'string' || !id.startsWith(ENVELOPE_PREFIX)) throw new Problem('malformed');
    return jwsFromFile(id.slice(ENVELOPE_PREFIX.length));
  }
  if (!COMPACT_JWS.test(trimmed)) throw new Problem('malformed');
  return trimmed;
}

async function fetchKeys(): Promise<JWK[]> {
  try {
    const response = await fetch('/api/credentials/jwks', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    const { keys } = (await response.json()) as { keys: JWK[] };
    return keys;
  } catch {
    throw new Problem('keys_unavailable');
  }
}

/** The JWS's payload as JSON once its signature verifies with the published key its header names. */
async function verifiedPayload(jws: string, keys: JWK[]): Promise<Record<string, unknown>> {
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'EdDSA') throw new Problem('malformed');
    kid = header.kid;
  } catch (error) {
    throw error instanceof Problem ? error : new Problem('malformed');
  }
  const jwk = keys.find((key) => key.kid === kid);
  if (typeof kid !== 'string' || !jwk) throw new Problem('unknown_key');
  let payload: Uint8Array;
  try {
    const key = await importJWK(jwk, 'EdDSA');
    ({ payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] }));
  } catch {
    // A changed character anywhere (header, payload or signature) lands here.
    throw new Problem('signature');
  }
  try {
    return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    throw new Problem('malformed');
  }
}

function summaryOf(credential: Record<string, unknown>): CredentialSummary {
  const subject = credential.credentialSubject as
    { name?: unknown; achievement?: { name?: unknown } } | undefined;
  const issuer = credential.issuer as { name?: unknown } | string | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    learnerName: text(subject?.name),
    achievement: text(subject?.achievement?.name) ?? text(credential.name),
    issuer: typeof issuer === 'string' ? issuer : text(issuer?.name),
    validUntil: text(credential.validUntil),
  };
}

function isExpired(credential: Record<string, unknown>, now: Date): boolean {
  const validUntil = Date.parse(String(credential.validUntil ?? ''));
  const exp = typeof credential.exp === 'number' ? credential.exp * 1000 : NaN;
  const end = Number.isNaN(validUntil) ? exp : validUntil;
  return !Number.isNaN(end) && end <= now.getTime();
}

function base64UrlBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Bitstring Status List: the left-most bit of the first byte is index 0. */
export function bitAt(list: Uint8Array, index: number): boolean {
  const byte = list[index >> 3];
  if (byte === undefined) throw new RangeError('index beyond the list');
  return ((byte >> (7 - (index & 7))) & 1) === 1;
}

/** Whether the revocation bit of the credential is set, in the issuer's signed status list. */
async function isRevoked(credential: Record<string, unknown>, keys: JWK[]): Promise<boolean> {
  try {
    const status = credential.credentialStatus as
      { statusListCredential?: unknown; statusListIndex?: unknown; statusPurpose?: unknown } | undefined;
    const list = STATUS_LIST_PATH.exec(String(status?.statusListCredential ?? ''))?.[1];
    const index = Number(status?.statusListIndex);
    if (!list || !Number.isInteger(index) || index < 0) throw new Error('no usable credentialStatus');
    // The list is the issuer's own (this site), read at the same origin.
    const response = await fetch(`/api/credentials/status/${list}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const statusList = await verifiedPayload((await response.text()).trim(), keys);
    const subject = (statusList.credentialSubject ?? {}) as { encodedList?: unknown };
    const encoded = String(subject.encodedList ?? '');
    if (!encoded.startsWith('u')) throw new Error('encodedList is not multibase base64url');
    return bitAt(await gunzip(base64UrlBytes(encoded.slice(1))), index);
  } catch {
    throw new Problem('status_unchecked');
  }
}

export async function checkCredentialFile(text: string, now = new Date()): Promise<CredentialCheckResult> {
  let summary: CredentialSummary | null = null;
  try {
    const jws = jwsFromFile(text);
    const keys = await fetchKeys();
    const credential = await verifiedPayload(jws, keys);
    summary = summaryOf(credential);
    if (await isRevoked(credential, keys)) throw new Problem('revoked');
    if (isExpired(credential, now)) throw new Problem('expired');
    return { valid: true, summary };
  } catch (error) {
    if (error instanceof Problem) return { valid: false, problem: error.problem, summary };
    return { valid: false, problem: 'malformed', summary };
  }
}
