export {
  EmbeddedPostgres,
  EmbeddedPostgresError,
  type EmbeddedPostgresOptions,
} from './embedded-postgres.js';
export { findFreePort } from './free-port.js';
