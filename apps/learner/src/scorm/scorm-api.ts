import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';

/*
 * Every call the SCORM player makes, in one place, on the typed client (the runtime routes of
 * issue 6's SCORM contract).
 */

export type ScormTocItem = Schemas['ScormTocItem'];
export type ScormPlayerView = Schemas['ScormPlayerView'];
/** As the manifest declares it; every version but 1.2 is played by the SCORM 2004 runtime. */
export type ScormVersion = ScormPlayerView['scormVersion'];
export type ScormLaunch = Schemas['ScormLaunch'];
export type ScormNavigationResult = Schemas['ScormNavigationResult'];
export type ScormNavigation = Schemas['ScormNavigationRequest'];

/** Why sequencing refused a request (the 409 problem's `reason`), or why the call failed. */
export class ScormNavigationRefused extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | null,
  ) {
    super(`SCORM navigation failed with ${status}${reason ? ` (${reason})` : ''}`);
  }
}

/** The refusal's code: the problem's `reason` extension. */
function refusalOf(problem: unknown): string | null {
  if (typeof problem !== 'object' || problem === null) return null;
  const reason = (problem as Record<string, unknown>).reason;
  return typeof reason === 'string' ? reason : null;
}

/** The player view, or null when the API answers 404 (or 400: a malformed id is missing too). */
export async function fetchScormPlayer(
  slug: string,
  activityId: string,
  signal: AbortSignal,
): Promise<ScormPlayerView | null> {
  const { data, response } = await api.GET('/api/me/learning/{slug}/scorm/{activityId}', {
    params: { path: { slug, activityId } },
    signal,
  });
  if (response.status === 404 || response.status === 400) return null;
  if (data === undefined) throw new Error(`GET SCORM player failed with ${response.status}`);
  return data;
}

/** Asks the server's sequencing for the next delivery; a refusal throws ScormNavigationRefused. */
export async function navigateScorm(
  slug: string,
  activityId: string,
  body: ScormNavigation,
): Promise<ScormNavigationResult> {
  const { data, error, response } = await api.POST('/api/me/learning/{slug}/scorm/{activityId}/navigation', {
    params: { path: { slug, activityId } },
    body,
  });
  if (data === undefined) throw new ScormNavigationRefused(response.status, refusalOf(error));
  return data;
}
