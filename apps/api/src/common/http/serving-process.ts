import type { HttpAdapterHost } from '@nestjs/core';

/**
 * Whether this Nest context serves HTTP. Command-line contexts (create-admin, seed) load every
 * module but do one job and exit: they must not register routes on a server they lack, nor start
 * background work (claiming a batch they would abandon a moment later).
 */
export function servesHttp(host: HttpAdapterHost): boolean {
  // An application context leaves the adapter null (undefined in some Nest versions).
  return ((host.httpAdapter as HttpAdapterHost['httpAdapter'] | null | undefined) ?? null) !== null;
}
