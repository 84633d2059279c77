import { api } from '../api';

/*
 * Every call the SCORM player makes, in one place. The shapes are those of the SCORM runtime
 * contract (issue 6: ScormPlayerView, ScormLaunch, ScormNavigationResult); the calls go through
 * the app's client with its CSRF token and same-origin cookie.
 */

/** As the manifest declares it; every version but 1.2 is played by the SCORM 2004 runtime. */
export type ScormVersion = '1.2' | '2004-2nd' | '2004-3rd' | '2004-4th';
export type ScormCompletion = 'not attempted' | 'incomplete' | 'completed' | 'unknown';
export type ScormSuccess = 'passed' | 'failed' | 'unknown';

export interface ScormTocItem {
  identifier: string;
  title: string;
  scormType: 'sco' | 'asset' | null;
  visible: boolean;
  launchable: boolean;
  disabled: boolean;
  hiddenFromChoice: boolean;
  completion: ScormCompletion;
  success: ScormSuccess;
  scoreScaled: number | null;
  children: ScormTocItem[];
}

export interface ScormControls {
  choice: boolean;
  flow: boolean;
  forwardOnly: boolean;
}

export interface ScormPlayerView {
  activityId: string;
  title: string;
  scormVersion: ScormVersion;
  packageId: string;
  tree: ScormTocItem[];
  controls: ScormControls;
  resumeScoId: string | null;
  activityStatus: 'not-started' | 'started' | 'completed';
}

export interface ScormLaunch {
  sessionId: string;
  scoId: string;
  attemptNumber: number;
  entry: 'ab-initio' | 'resume' | '';
  launchUrl: string;
  scormType: 'sco' | 'asset';
  commitUrl: string;
  /** Passed as-is to scorm-again's loadFromJSON before the SCO loads. */
  cmi: Record<string, unknown>;
  settings: { masteryOverride: boolean };
  /** The package's adlnav hideLMSUI values for this item (previous, continue, exit, …). */
  hideLmsUi?: string[];
}

export interface ScormNavigationResult {
  delivery: ScormLaunch | null;
  ended: boolean;
  player: ScormPlayerView;
}

export type ScormNavRequest = 'start' | 'resumeAll' | 'continue' | 'previous' | 'choice' | 'exit' | 'exitAll';

export interface ScormNavigation {
  request: ScormNavRequest;
  target?: string;
  fromSessionId?: string;
}

/** Why sequencing refused a request (the 409 problem's code), or why the call failed. */
export class ScormNavigationRefused extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | null,
  ) {
    super(`SCORM navigation failed with ${status}${reason ? ` (${reason})` : ''}`);
  }
}

const playerPath = (slug: string, activityId: string) =>
  `/api/me/learning/${encodeURIComponent(slug)}/scorm/${encodeURIComponent(activityId)}`;

/** The refusal's code: a `reason`/`code` extension, or the last segment of the problem type. */
function refusalOf(problem: unknown): string | null {
  if (typeof problem !== 'object' || problem === null) return null;
  const body = problem as Record<string, unknown>;
  for (const key of ['reason', 'code', 'refused']) {
    if (typeof body[key] === 'string') return body[key];
  }
  if (typeof body.type === 'string') return body.type.split('/').pop() ?? null;
  return null;
}

/*
 * Until the generated client knows these routes (H2 regenerates it), the calls use the same client
 * untyped, so they still carry the CSRF token through its middleware.
 */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}
interface UntypedClient {
  GET(path: string, init: { signal?: AbortSignal }): Promise<Answer>;
  POST(path: string, init: { body: unknown }): Promise<Answer>;
}
const client = api as unknown as UntypedClient;

/** The player view, or null when the API answers 404 (or 400: a malformed id is missing too). */
export async function fetchScormPlayer(
  slug: string,
  activityId: string,
  signal: AbortSignal,
): Promise<ScormPlayerView | null> {
  const { data, response } = await client.GET(playerPath(slug, activityId), { signal });
  if (response.status === 404 || response.status === 400) return null;
  if (data === undefined)
    throw new Error(`GET ${playerPath(slug, activityId)} failed with ${response.status}`);
  return data as ScormPlayerView;
}

/** Asks the server's sequencing for the next delivery; a refusal throws ScormNavigationRefused. */
export async function navigateScorm(
  slug: string,
  activityId: string,
  body: ScormNavigation,
): Promise<ScormNavigationResult> {
  const { data, error, response } = await client.POST(`${playerPath(slug, activityId)}/navigation`, { body });
  if (data === undefined) throw new ScormNavigationRefused(response.status, refusalOf(error));
  return data as ScormNavigationResult;
}
