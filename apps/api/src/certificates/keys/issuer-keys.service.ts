import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { StartupError } from '../../config/load-config.js';
import type { SigningKey } from '../credentials/credential-jwt.js';
import { buildIssuerJwks, type IssuerJwks } from '../credentials/issuer-jwks.js';
import { generateIssuerKey } from '../credentials/issuer-key.js';
import { openSealedPrivateKey, SealedKeyError, sealPrivateKey } from '../credentials/sealed-private-key.js';
import { resolveCredentialKeySecret } from './credential-key-secret.js';
import { IssuerKey } from './issuer-key.entity.js';

export interface RotationResult {
  kid: string;
  retiredKid: string | null;
}

/**
 * The platform's issuer keys: exactly one current key (made on first start), retired ones kept
 * and published. Start-up opens the current key, so a wrong CREDENTIAL_KEY_SECRET stops the API
 * at once rather than at the first certificate. Every replica reads the current key from the
 * database when it signs, so a rotation on one is seen by all.
 */
@Injectable()
export class IssuerKeys implements OnModuleInit {
  private readonly logger = new Logger('Certificates');
  private secret = '';
  /** Opened private keys by kid: opening costs an AES decryption and a JSON parse per credential. */
  private readonly opened = new Map<string, SigningKey>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const resolved = await resolveCredentialKeySecret(this.config);
    if (resolved.file) {
      this.logger.warn(
        `CREDENTIAL_KEY_SECRET is not set: the issuer keys are sealed with the secret ${
          resolved.generated ? 'just generated in' : 'kept in'
        } ${resolved.file}. Set CREDENTIAL_KEY_SECRET in production.`,
      );
    }
    this.secret = resolved.secret;
    const current = await this.ensureCurrent();
    try {
      this.open(current);
    } catch (error) {
      if (!(error instanceof SealedKeyError)) throw error;
      throw new StartupError(
        `CREDENTIAL_KEY_SECRET does not open the stored issuer key ${current.kid} (${error.message}): start with the secret the keys were sealed with.`,
      );
    }
  }

  /** The key new credentials are signed with. */
  async signingKey(manager: EntityManager = this.db.manager): Promise<SigningKey> {
    return this.open(await this.ensureCurrent(manager));
  }

  /** Every key ever used, current and retired, as verifiers need them. */
  async jwks(): Promise<IssuerJwks> {
    const keys = await this.db.getRepository(IssuerKey).find({ order: { createdAt: 'ASC' } });
    return buildIssuerJwks(keys.map((key) => key.publicJwk));
  }

  /** Retires the current key and makes a new one; what the old key signed keeps verifying. */
  async rotate(auth: AuthContext, client: ClientInfo): Promise<RotationResult> {
    return this.db.transaction(async (tx) => {
      // Concurrent rotations take turns, and each one's statements see the key the one before it
      // made (the second retires the first one's new key). A row lock on the current key would
      // not do: the second would wake to find that row retired, see no current key in its
      // snapshot, retire nothing, and then fail to insert beside the first one's new key.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('issuer_key.rotate', 0))`);
      const [retired] = (await tx.query(
        `UPDATE issuer_key SET retired_at = now() WHERE retired_at IS NULL RETURNING kid`,
      )) as [{ kid: string }[], number];
      const retiredKid = retired[0]?.kid ?? null;
      const created = await this.insertNew(tx);
      if (!created) throw new Error('Another key became current during the rotation');
      await this.audit.record(
        {
          action: 'issuer_key.rotated',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'issuer_key', id: created.id },
          client,
          details: { kid: created.kid, retiredKid },
        },
        tx,
      );
      return { kid: created.kid, retiredKid };
    });
  }

  private async ensureCurrent(manager: EntityManager = this.db.manager): Promise<IssuerKey> {
    const repository = manager.getRepository(IssuerKey);
    const current = await repository.findOneBy({ retiredAt: IsNull() });
    if (current) return current;
    // Two replicas starting together both get here; the partial unique index lets one insert win.
    await this.insertNew(manager);
    const winner = await repository.findOneBy({ retiredAt: IsNull() });
    if (!winner) throw new Error('No current issuer key after creating one');
    this.logger.log(`Issuer key ${winner.kid} is current`);
    return winner;
  }

  /** Inserts a fresh current key, or nothing when another is current already. */
  private async insertNew(manager: EntityManager): Promise<IssuerKey | null> {
    const pair = await generateIssuerKey();
    const rows = (await manager.query(
      `INSERT INTO issuer_key (kid, public_jwk, sealed_private_key) VALUES ($1, $2, $3)
       ON CONFLICT ((true)) WHERE retired_at IS NULL DO NOTHING
       RETURNING id, kid`,
      [pair.kid, JSON.stringify(pair.publicJwk), sealPrivateKey(pair.privateJwk, pair.kid, this.secret)],
    )) as { id: string; kid: string }[];
    const row = rows[0];
    return row ? Object.assign(new IssuerKey(), { ...row, publicJwk: pair.publicJwk }) : null;
  }

  private open(key: IssuerKey): SigningKey {
    const known = this.opened.get(key.kid);
    if (known) return known;
    const opened = {
      kid: key.kid,
      privateJwk: openSealedPrivateKey(key.sealedPrivateKey, key.kid, this.secret),
    };
    this.opened.set(key.kid, opened);
    return opened;
  }
}
