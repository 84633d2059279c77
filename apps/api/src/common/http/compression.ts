import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Compresses API responses over 1 KB for clients that accept it: on a slow island connection the
 * bytes saved outweigh the CPU. Brotli at quality 4 compresses nearly as well as gzip -9 at a
 * fraction of the cost of brotli's default 11. Built app files are compressed ahead of time instead.
 * Answers up to 64 KB are compressed in one synchronous call rather than through a zlib stream: on
 * two cores the plugin's default (8 KB there) sent a quiz attempt's 20 KB answer through a stream
 * whose set-up and thread-pool hops cost several times the compression itself — 500 submissions at
 * once spent 1 s of CPU on it, against 0.1 s in one call.
 */
export async function registerCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(compress, {
    global: true,
    threshold: 1024,
    syncThreshold: 64 * 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
