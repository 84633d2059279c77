import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { toProblem } from './to-problem.js';

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? request.url;
  const problem = toProblem(error, path, String(request.id));
  if (problem.unexpected) request.log.error({ err: error }, 'Unexpected error');
  if (reply.sent) return;
  reply
    .status(problem.status)
    .headers(problem.headers ?? {})
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.body));
}
