import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'archipelago_session';

/**
 * httpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with their forms
 * or fetches, Secure whenever the platform is served over HTTPS.
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
