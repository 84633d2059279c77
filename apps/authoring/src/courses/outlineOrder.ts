import type { OutlineModule } from './courseTypes';

/** The body of PUT …/outline: every module and activity id, in order. */
export interface OutlineOrder {
  modules: { id: string; activities: string[] }[];
}

/** Where an item ended up, for the announcement: 0-based position and the size of its list. */
export interface Placement {
  order: OutlineOrder;
  position: number;
  of: number;
  moduleId: string;
}

export function orderOf(modules: OutlineModule[]): OutlineOrder {
  return {
    modules: modules.map((module) => ({
      id: module.id,
      activities: module.activities.map((activity) => activity.id),
    })),
  };
}

function swap<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Moves a module one place up (-1) or down (+1); undefined when it is already at that end. */
export function moveModule(modules: OutlineModule[], moduleId: string, by: -1 | 1): Placement | undefined {
  const order = orderOf(modules);
  const from = order.modules.findIndex((module) => module.id === moduleId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.modules.length) return undefined;
  return {
    order: { modules: swap(order.modules, from, to) },
    position: to,
    of: order.modules.length,
    moduleId,
  };
}

/** Moves an activity one place up or down within its module. */
export function moveActivity(
  modules: OutlineModule[],
  activityId: string,
  by: -1 | 1,
): Placement | undefined {
  const order = orderOf(modules);
  const module = order.modules.find((candidate) => candidate.activities.includes(activityId));
  if (!module) return undefined;
  const from = module.activities.indexOf(activityId);
  const to = from + by;
  if (to < 0 || to >= module.activities.length) return undefined;
  module.activities = swap(module.activities, from, to);
  return { order, position: to, of: module.activities.length, moduleId: module.id };
}

/** Moves an activity to the end of another module. */
export function moveActivityToModule(
  modules: OutlineModule[],
  activityId: string,
  targetModuleId: string,
): Placement | undefined {
  const order = orderOf(modules);
  const source = order.modules.find((candidate) => candidate.activities.includes(activityId));
  const target = order.modules.find((candidate) => candidate.id === targetModuleId);
  if (!source || !target || source === target) return undefined;
  source.activities = source.activities.filter((id) => id !== activityId);
  target.activities = [...target.activities, activityId];
  return {
    order,
    position: target.activities.length - 1,
    of: target.activities.length,
    moduleId: target.id,
  };
}

/** Where a dragged item was dropped: before or after another item, or into a module (at its end). */
export type DropSide = 'before' | 'after' | 'into';

/** Drops a module before or after another one; undefined when the order stays the same. */
export function placeModule(
  modules: OutlineModule[],
  moduleId: string,
  targetId: string,
  side: 'before' | 'after',
): Placement | undefined {
  const order = orderOf(modules);
  const moved = order.modules.find((module) => module.id === moduleId);
  if (!moved || moduleId === targetId) return undefined;
  const rest = order.modules.filter((module) => module.id !== moduleId);
  const at = rest.findIndex((module) => module.id === targetId);
  if (at < 0) return undefined;
  const to = side === 'before' ? at : at + 1;
  rest.splice(to, 0, moved);
  if (rest.every((module, index) => module.id === order.modules[index]!.id)) return undefined;
  return { order: { modules: rest }, position: to, of: rest.length, moduleId };
}

/**
 * Drops an activity before or after another activity (of any module), or into a module at its end;
 * undefined when nothing would change.
 */
export function placeActivity(
  modules: OutlineModule[],
  activityId: string,
  target: { moduleId: string; activityId?: string; side: DropSide },
): Placement | undefined {
  const order = orderOf(modules);
  const source = order.modules.find((module) => module.activities.includes(activityId));
  const destination = order.modules.find((module) => module.id === target.moduleId);
  if (!source || !destination || target.activityId === activityId) return undefined;
  const sourceBefore = source.activities.join();
  source.activities = source.activities.filter((id) => id !== activityId);
  let to = destination.activities.length;
  if (target.side !== 'into' && target.activityId) {
    const at = destination.activities.indexOf(target.activityId);
    if (at < 0) return undefined;
    to = target.side === 'before' ? at : at + 1;
  }
  destination.activities = [
    ...destination.activities.slice(0, to),
    activityId,
    ...destination.activities.slice(to),
  ];
  // Dropped where it already was (just before or after itself).
  if (source === destination && destination.activities.join() === sourceBefore) return undefined;
  return { order, position: to, of: destination.activities.length, moduleId: destination.id };
}
