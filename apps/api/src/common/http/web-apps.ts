import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WebApp {
  /** URL prefix, ending in a slash: '/' for the learner app, '/studio/' for authoring. */
  prefix: string;
  /** The app's built `dist` folder. */
  root: string;
}

// Vite puts content-hashed files under assets/: they never change, so caches may keep them.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves each built app under its prefix, with history fallback: any GET outside /api that is not
 * a file gets the app's index.html, so that client-side routes survive a reload.
 */
export async function registerWebApps(fastify: FastifyInstance, apps: WebApp[]): Promise<string[]> {
  const served = apps.filter((app) => existsSync(join(app.root, 'index.html')));
  // Longest prefix first, so /studio/ is matched before /.
  served.sort((a, b) => b.prefix.length - a.prefix.length);
  for (const [index, app] of served.entries()) {
    await fastify.register(fastifyStatic, {
      root: app.root,
      prefix: app.prefix,
      decorateReply: index === 0,
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      setHeaders: (res, path) =>
        res.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE),
    });
  }
  const fallback = (app: WebApp) => (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', REVALIDATE);
    return reply.sendFile('index.html', app.root);
  };
  for (const app of served) {
    const routes = app.prefix === '/' ? ['/', '/*'] : [app.prefix.slice(0, -1), app.prefix, `${app.prefix}*`];
    for (const url of routes) {
      fastify.route({
        method: ['GET', 'HEAD'],
        url,
        handler: (request, reply) => {
          const path = request.url.split('?')[0] ?? '';
          // API paths and missing files (a stale asset, a typo in a file name) are real 404s.
          if (path === '/api' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path))
            return reply.callNotFound();
          return fallback(app)(request, reply);
        },
      });
    }
  }
  return served.map((app) => app.prefix);
}
