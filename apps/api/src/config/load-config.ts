import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, Environment } from './app-config.js';

/** An expected start-up failure: printed as one line, without a stack trace. */
export class StartupError extends Error {}

// Connection strings may hold passwords: name the variable, never echo its value.
const SECRET = /URL|SECRET|PASSWORD|KEY/;

const describe = (error: ValidationError): string => {
  const expected = Object.values(error.constraints ?? {}).join('; ');
  const shown = SECRET.test(error.property) ? '' : `=${JSON.stringify(error.value)}`;
  return `${error.property}${shown} is invalid: ${expected}`;
};

/** Storage settings without a default (so not among the keys of a fresh AppConfig). */
const OPTIONAL_STORAGE_SETTINGS = [
  'FILE_STORAGE_DIR',
  'SCORM_DIR',
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_PREFIX',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];

/** Reads and validates the configuration, ignoring empty variables so `FOO=` means "use the default". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const given = Object.fromEntries(
    Object.keys(defaults)
      .concat(['DATABASE_URL', 'WEB_APPS_DIR', 'SMTP_URL', ...OPTIONAL_STORAGE_SETTINGS])
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new StartupError(`Invalid configuration: ${errors.map(describe).join('; ')}`);
  }
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    throw new StartupError(
      'Invalid configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (then the AWS SDK finds credentials itself).',
    );
  }
  if (config.SEED_DEMO_DATA && config.NODE_ENV === Environment.Production) {
    throw new StartupError(
      'Invalid configuration: SEED_DEMO_DATA=true is refused when NODE_ENV=production (demo passwords are public).',
    );
  }
  return config;
}
