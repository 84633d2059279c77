import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthContext, ClientInfo } from './auth-context.js';

/** The caller, on a route whose rule requires sign-in (the guard has already resolved it). */
export const CurrentAuth = createParamDecorator((_: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!auth) throw new Error('CurrentAuth used on a route that does not require sign-in');
  return auth;
});

/** The caller if signed in, on public routes. */
export const OptionalAuth = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthContext | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().auth,
);

/** The client's address (through trusted proxies) and user agent. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: userAgent ? userAgent.slice(0, 500) : undefined };
});
