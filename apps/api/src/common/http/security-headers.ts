import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Headers = Record<string, string>;

function policy(production: boolean, styleSrc: string[]): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc,
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
    strictTransportSecurity: production ? { maxAge: 15552000, includeSubDomains: true } : false,
  };
}

/**
 * Helmet's headers do not depend on the request, so we let helmet compute them once and send the
 * same map with every response (helmet per request re-parses its whole configuration each time).
 */
function computeHeaders(options: Parameters<typeof helmet>[0]): Headers {
  const headers: Headers = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Security headers for every response. The policy lets the apps load only their own scripts and
 * styles; frames are same-origin so that SCORM packages can reach the runtime on their parent.
 * Swagger UI sets inline styles, so its pages alone may use them.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, production: boolean): void {
  const everywhere = computeHeaders(policy(production, ["'self'"]));
  const apiDocs = computeHeaders(policy(production, ["'self'", "'unsafe-inline'"]));
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/docs') ? apiDocs : everywhere);
    done();
  });
}
