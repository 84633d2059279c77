import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  NotEquals,
} from 'class-validator';

export enum Environment {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every setting the API reads from the environment, with its default.
 * docs/development.md and the README list the same variables; keep them in step.
 */
export class AppConfig {
  @IsEnum(Environment)
  NODE_ENV: Environment = Environment.Development;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  /** PostgreSQL connection string; when absent an embedded PostgreSQL is started under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Where the embedded database and uploaded files live when nothing else is configured. */
  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  /** The address people reach the platform at; used in e-mails, certificates and QR codes. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON request body accepted, in bytes (uploads have their own limits). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long in-flight requests may take to finish once a shutdown signal arrives. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Serve the built learner app at / and the authoring app at /studio/. */
  @Transform(toBool)
  @IsIn([true, false])
  SERVE_WEB_APPS = true;

  /**
   * Which proxies may tell us the client's address (X-Forwarded-For): `false`, or a comma-separated
   * list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. The default trusts
   * only proxies on this machine or a private network, so a public client cannot spoof its address.
   */
  @NotEquals('true', {
    message: 'TRUST_PROXY=true would let any client spoof its address; list the proxies instead',
  })
  @Matches(/^[0-9A-Za-z.:/,\s]+$/, {
    message:
      'TRUST_PROXY must be false, or addresses, CIDR ranges and loopback/linklocal/uniquelocal separated by commas',
  })
  TRUST_PROXY = 'loopback,linklocal,uniquelocal';

  /**
   * 32 random bytes as base64 (`openssl rand -base64 32`) that seal the certificate issuer keys
   * (ADR 0017). Required in production; in development and tests, when unset, one is generated
   * and kept in DATA_DIR/credential-key-secret so a first start needs no setup.
   */
  @Matches(/^$|^[A-Za-z0-9+/]{43}=$/, {
    message: 'CREDENTIAL_KEY_SECRET must be 32 random bytes encoded as base64 (openssl rand -base64 32)',
  })
  CREDENTIAL_KEY_SECRET = '';

  /** The issuer named in certificates and their signed credentials (the platform's name). */
  @IsString()
  @MinLength(1)
  CREDENTIAL_ISSUER_NAME = 'Archipelago';

  /** Days a browser stays signed in without activity (activity extends it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_TTL_DAYS = 14;

  /** SMTP server for outgoing mail, e.g. smtps://user:password@mail.example.org:465. Unset: mail goes to the outbox. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  /** The sender of the platform's e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Archipelago <no-reply@archipelago.local>';

  /** Load the demo institutions and accounts at start-up (refused in production). */
  @Transform(toBool)
  @IsIn([true, false])
  SEED_DEMO_DATA = false;

  /** Where uploaded files are kept on local disk; defaults to DATA_DIR/files. Unused when S3_BUCKET is set. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  FILE_STORAGE_DIR?: string;

  /** Largest image upload (PNG, JPEG, GIF, WebP) accepted, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  UPLOAD_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

  /** Largest PDF upload accepted, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(500 * 1024 * 1024)
  UPLOAD_MAX_PDF_BYTES = 20 * 1024 * 1024;

  /** Uploads one person may make in an hour, across every replica (a runaway script, a stolen session). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  UPLOADS_PER_HOUR = 200;

  /** Where SCORM packages are unpacked, one folder per package; defaults to DATA_DIR/scorm. Always local disk (ADR 0016). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SCORM_DIR?: string;

  /** Largest SCORM zip accepted, in bytes (video-heavy packages are hundreds of megabytes). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(20 * 1024 ** 3)
  SCORM_UPLOAD_MAX_BYTES = 500 * 1024 * 1024;

  /** Most files and folders one SCORM zip may hold. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SCORM_MAX_ENTRIES = 20_000;

  /** Most bytes one SCORM package may unpack to, counted while inflating (zip bombs). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 ** 3)
  SCORM_MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

  /** Seconds after a quiz attempt's deadline during which answers still count (slow networks, a last click). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  QUIZ_GRACE_SECONDS = 30;

  /** How often each API process submits quiz attempts whose time is up, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  QUIZ_SWEEP_INTERVAL_MS = 15_000;

  /** Store uploads in this bucket of an S3-compatible object store instead of on local disk. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  /** The store's address for anything but AWS itself (MinIO, Garage, Ceph, R2…), e.g. https://s3.example.org. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** Address buckets as https://endpoint/bucket rather than https://bucket.endpoint (most self-hosted stores need it). */
  @Transform(toBool)
  @IsIn([true, false])
  S3_FORCE_PATH_STYLE = false;

  /** Optional folder-like prefix for every object key, e.g. archipelago/ when the bucket is shared. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9!_.*'()/-]{1,200}$/, {
    message: "S3_PREFIX may hold letters, digits and !_.*'()/- only",
  })
  S3_PREFIX?: string;

  /** Access key; when S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are unset the AWS SDK's usual sources apply (instance role, AWS_* variables). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  /** Folder holding apps/learner/dist and apps/authoring/dist; defaults to the repository layout. */
  @IsOptional()
  @IsString()
  WEB_APPS_DIR?: string;
}
