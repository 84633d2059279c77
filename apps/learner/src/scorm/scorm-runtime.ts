import type { Scorm12API, Scorm2004API, Settings } from 'scorm-again';
import { CommitService } from './commit-service';
import type { ScormLaunch, ScormVersion } from './scorm-api';

/** What the SCO asked for when it terminated: a 2004 navigation request, and how it exited. */
export interface ScoEnd {
  /** `_none_`, `continue`, `previous`, `exit`, `exitAll`, `suspendAll`, `abandon`, `choice`, … */
  request: string;
  /** The target of a `{target=…}choice` request. */
  target: string | null;
  /** cmi.core.exit / cmi.exit as the SCO last set it ('' when it never did). */
  exit: string;
}

/** One SCO launch's runtime API, attached to the window for the SCO to find. */
export interface ScoRuntime {
  /** Whether the SCO has terminated: its end has been (or is about to be) reported. */
  ended(): boolean;
  /**
   * Ends the SCO's session on its behalf, when the learner leaves it through the player or closes
   * the page. With `suspend` (leaving the activity), an exit the SCO never set becomes `suspend`,
   * so the attempt resumes next time. The final commit goes by sendBeacon when `leaving` (the
   * page is being unloaded).
   */
  terminateForSco(options: { leaving: boolean; suspend: boolean }): void;
  /**
   * Makes the SCO's exit `suspend` if it has not set one, before its page is unloaded: a SCO that
   * terminates in its unload handler without an exit would otherwise end its attempt, and the
   * learner, who only left, would start again from the beginning.
   */
  presetSuspend(): void;
  /** Sends what the SCO has set so far (the tab is hidden: a phone may close it unannounced). */
  commitNow(): void;
  /** Resolves once the commits that could not be sent synchronously have been answered. */
  settled(): Promise<void>;
  /** Detaches the API from the window and drops its listeners and timers. */
  dispose(): void;
}

type AnyApi = Scorm12API | Scorm2004API;
type Global = 'API' | 'API_1484_11';

// scorm-again's ESM builds export the class by name; its package types describe a default export.
const load12 = async () =>
  ((await import('scorm-again/scorm12/min')) as unknown as { Scorm12API: typeof Scorm12API }).Scorm12API;
const load2004 = async () =>
  ((await import('scorm-again/scorm2004/min')) as unknown as { Scorm2004API: typeof Scorm2004API })
    .Scorm2004API;

/** Loads the runtime for a version ahead of the first launch (its own chunk, fetched once). */
export function preloadRuntime(version: ScormVersion): void {
  (version === '1.2' ? load12() : load2004()).catch(() => undefined);
}

const NAV_EVENT = /^\{target=(.+)\}(choice|jump)$/;

/**
 * A new runtime API for one launch, as the SCORM contract asks: a fresh instance per SCO (never
 * reset(), which would carry one SCO's time and listeners into the next), the launch's LMS data
 * loaded before the SCO can look, and the instance on the window before the SCO page loads.
 * Sequencing is the server's: no `sequencing` setting is passed.
 */
export async function createScoRuntime(
  version: ScormVersion,
  launch: ScormLaunch,
  onEnd: (end: ScoEnd) => void,
  onStored: (stored: boolean) => void,
): Promise<ScoRuntime> {
  const settings: Settings = {
    lmsCommitUrl: launch.commitUrl,
    dataCommitFormat: 'json',
    includeCommitSequence: true,
    autocommit: true,
    autocommitSeconds: 30,
    useAsynchronousCommits: false,
    terminateCommitParam: 'final',
    mastery_override: launch.settings.masteryOverride,
    sendFullCommit: true,
    logLevel: 5,
  };
  const service = new CommitService(settings, onStored);
  const api: AnyApi =
    version === '1.2' ? new (await load12())(settings, service) : new (await load2004())(settings, service);
  api.loadFromJSON(launch.cmi, '');

  const global: Global = version === '1.2' ? 'API' : 'API_1484_11';
  const prefix = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const exitElement = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
  const finish = version === '1.2' ? 'LMSFinish' : 'Terminate';
  let exit = '';
  let ended = false;

  const onExit = (_element: string, value: unknown) => {
    exit = typeof value === 'string' ? value : '';
  };
  const onTerminate = () => {
    if (ended || !api.isTerminated()) return;
    ended = true;
    const raw = version === '1.2' ? '_none_' : ((api as Scorm2004API).adl.nav.request ?? '_none_');
    const choice = NAV_EVENT.exec(raw);
    const end: ScoEnd = {
      request: choice ? choice[2]! : raw || '_none_',
      target: choice ? choice[1]! : null,
      exit,
    };
    // After the SCO's Terminate call has returned (the next step replaces the SCO's page), and
    // once its commits are stored: the server sequences on what they say.
    setTimeout(() => void service.settled().then(() => onEnd(end)), 0);
  };
  api.on(`${prefix}.${exitElement}`, onExit);
  api.on(finish, onTerminate);

  const presetSuspend = () => {
    if (!api.isInitialized() || api.isTerminated() || exit !== '') return;
    if (version === '1.2') (api as Scorm12API).cmi.core.exit = 'suspend';
    else (api as Scorm2004API).cmi.exit = 'suspend';
    exit = 'suspend';
  };

  const target = window as unknown as Record<Global, AnyApi | undefined>;
  target[global] = api;

  return {
    ended: () => ended,
    commitNow() {
      if (!api.isInitialized() || api.isTerminated()) return;
      if (version === '1.2') (api as Scorm12API).LMSCommit('');
      else (api as Scorm2004API).Commit('');
    },
    settled: () => service.settled(),
    presetSuspend,
    terminateForSco({ leaving, suspend }) {
      if (!api.isInitialized() || api.isTerminated()) return;
      service.leaving = leaving;
      if (suspend) presetSuspend();
      if (version === '1.2') (api as Scorm12API).LMSFinish('');
      else (api as Scorm2004API).Terminate('');
    },
    dispose() {
      ended = true;
      api.off(`${prefix}.${exitElement}`, onExit);
      api.off(finish, onTerminate);
      api.clearScheduledCommit();
      if (target[global] === api) delete target[global];
    },
  };
}
