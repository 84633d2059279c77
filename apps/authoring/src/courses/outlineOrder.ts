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
