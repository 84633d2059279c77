import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers for every response. The policy lets the apps load only their own scripts and
 * styles; frames are same-origin so that SCORM packages can reach the runtime on their parent.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance, production: boolean): Promise<void> {
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: production ? { maxAge: 15552000, includeSubDomains: true } : false,
  });
  // Swagger UI sets inline styles; only its pages get that allowance.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) {
      const policy = reply.getHeader('content-security-policy');
      if (typeof policy === 'string') {
        reply.header('content-security-policy', policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
      }
    }
  });
}
