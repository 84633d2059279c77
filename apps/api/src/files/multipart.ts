import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * Lets routes read multipart/form-data bodies as streams (`request.file()`). Nothing is buffered
 * or written to disk by the plugin; each upload route sets its own limits when it reads.
 */
export async function registerMultipart(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1024, parts: 11 } });
}
