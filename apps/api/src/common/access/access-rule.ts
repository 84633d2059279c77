import { SetMetadata } from '@nestjs/common';

/**
 * Every route states who may call it, next to the route, so that a reader and the route-table
 * test see it without opening the service. A route with no rule is refused (deny by default), and
 * the application will not start while one exists.
 */
export type AccessRule = { kind: 'public'; reason: string };

export const ACCESS_RULE = 'archipelago:access-rule';

/** Anyone may call this route, signed in or not; say why it is safe to expose. */
export const Public = (reason: string) =>
  SetMetadata(ACCESS_RULE, { kind: 'public', reason } satisfies AccessRule);
