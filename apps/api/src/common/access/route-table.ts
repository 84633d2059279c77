import { Injectable, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_RULE, CSRF_EXEMPT, type AccessRule } from './access-rule.js';

export interface RouteEntry {
  method: string;
  path: string;
  controller: string;
  handler: string;
  rule?: AccessRule;
  /** Why the route takes browser-session writes without the CSRF header (`@CsrfExempt`), if it does. */
  csrfExempt?: string;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** The application's routes with their access rules: read by the start-up check and the tests. */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(globalPrefix = 'api'): RouteEntry[] {
    return this.discovery.getControllers().flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = Object.getPrototypeOf(instance) as object;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) return [];
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler as never,
          metatype,
        ]);
        return [
          {
            method: RequestMethod[method],
            path: join(globalPrefix, base, path),
            controller: metatype.name,
            handler: name,
            rule,
            csrfExempt: Reflect.getMetadata(CSRF_EXEMPT, handler) as string | undefined,
          },
        ];
      });
    });
  }

  onApplicationBootstrap(): void {
    const missing = this.routes().filter((route) => !route.rule);
    if (missing.length > 0) {
      const list = missing.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`).join(', ');
      throw new Error(`Routes without an access rule: ${list}. Add @Public(...) or a role rule.`);
    }
  }
}
