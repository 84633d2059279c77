import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { issuerIdentity, publicBase } from '../keys/issuer-identity.js';
import { IssuerKeys } from '../keys/issuer-keys.service.js';
import { encodeStatusList, firstIndexOf, STATUS_LIST_SIZE } from './bitstring.js';
import { buildStatusListCredential, signStatusListCredential } from './status-list-credential.js';

export interface SignedStatusList {
  jwt: string;
  etag: string;
}

export const statusListUrl = (config: AppConfig, list: number) =>
  `${publicBase(config)}/api/credentials/status/${list}`;

const noSuchList = (list: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no status list ${list}.`,
  });

/**
 * The revocation lists. Each request reads the revoked bits from the database (one index scan of
 * the revoked rows), so a revocation shows on the next request from any replica; only the
 * signature is cached, for as long as the bits and the key stay the same.
 */
@Injectable()
export class StatusLists {
  private readonly signed = new Map<number, { fingerprint: string; list: SignedStatusList }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: IssuerKeys,
  ) {}

  async get(listParam: string): Promise<SignedStatusList> {
    if (!/^[1-9]\d{0,8}$/.test(listParam)) throw noSuchList(listParam);
    const list = Number(listParam);
    const first = firstIndexOf(list);
    const rows = await preparedQuery<{ used: boolean; revoked: string[] | null; changedAt: Date | null }>(
      this.db,
      'certificate_status_list_since',
      `SELECT EXISTS (SELECT 1 FROM certificate WHERE status_index >= $1 AND status_index < $2) AS used,
              (SELECT array_agg(status_index - $1 ORDER BY status_index) FROM certificate
                WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2) AS revoked,
              coalesce(
                (SELECT max(revoked_at) FROM certificate
                  WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2),
                (SELECT created_at FROM certificate WHERE status_index >= $1 AND status_index < $2
                  ORDER BY status_index LIMIT 1)) AS "changedAt"`,
      [first, first + STATUS_LIST_SIZE],
    );
    const row = rows[0];
    if (!row?.used || !row.changedAt) throw noSuchList(listParam);
    const positions = (row.revoked ?? []).map(Number);
    const key = await this.keys.signingKey();
    const fingerprint = createHash('sha256')
      .update(`${key.kid}:${row.changedAt.toISOString()}:${positions.join(',')}`)
      .digest('base64url');
    const cached = this.signed.get(list);
    if (cached?.fingerprint === fingerprint) return cached.list;
    const url = statusListUrl(this.config, list);
    // Valid from when its bits last changed, not from when it was signed: a verifier whose clock
    // runs a little behind ours would otherwise find a list signed a moment ago "not yet valid"
    // (nbf). Being made of the data alone, the list is also the same bytes on every replica and
    // after every restart (Ed25519 signatures are deterministic), as its strong ETag promises.
    const credential = buildStatusListCredential(
      url,
      issuerIdentity(this.config),
      encodeStatusList(positions),
      row.changedAt,
    );
    const signed = { jwt: await signStatusListCredential(credential, key), etag: `"${fingerprint}"` };
    this.signed.set(list, { fingerprint, list: signed });
    return signed;
  }
}
