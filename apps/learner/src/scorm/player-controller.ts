import { ScoFrame } from './sco-frame';
import {
  fetchScormPlayer,
  navigateScorm,
  ScormNavigationRefused,
  type ScormLaunch,
  type ScormNavigation,
  type ScormNavigationResult,
  type ScormPlayerView,
} from './scorm-api';
import { createScoRuntime, preloadRuntime, type ScoEnd, type ScoRuntime } from './scorm-runtime';
import { findItem } from './toc-items';

/** What the content area shows when no SCO is on screen. */
export type PanelKind = 'start' | 'suspended' | 'between' | 'ended' | 'completed';

/** What the learner asked for; `suspend` is "save and exit", which stays on the client. */
export type LearnerRequest =
  { request: 'continue' | 'previous' } | { request: 'choice'; target: string } | { request: 'suspend' };

/** Refusal codes of the sequencing engine with words of their own (scorm:refused.*). */
const REFUSALS = new Set([
  'choice-not-allowed',
  'no-next',
  'no-previous',
  'disabled',
  'hidden',
  'forward-only',
  'unknown-target',
  'not-launchable',
  'flow-not-allowed',
  'nothing-deliverable',
]);

export interface PlayerState {
  player: ScormPlayerView;
  /** The SCO or asset on screen. */
  launch: ScormLaunch | null;
  panel: PanelKind | null;
  /** The panel replaced a SCO or answers the learner: its heading takes focus. */
  panelFocus: boolean;
  busy: boolean;
  /** An i18n key in the `scorm` namespace: why the last move did not happen. */
  notice: string | null;
}

export interface PlayerEvents {
  /** A SCO is on screen now. */
  opened(title: string): void;
  /** The activity has just been completed (the course's progress changed). */
  completed(): void;
}

/**
 * The player's moving parts outside React: the SCO's frame, its runtime API, and the navigation
 * requests that the server's sequencing answers with the next SCO or the end. A SCO that
 * terminates is followed by its own request (SCORM 2004 adl.nav.request; SCORM 1.2: continue,
 * unless it suspended); a move the learner asks for ends the open SCO first, so that its final
 * commit is stored before the server sequences.
 */
export class PlayerController {
  private state: PlayerState;
  private readonly listeners = new Set<() => void>();
  private host: HTMLElement | null = null;
  private readonly frame = new ScoFrame(() => this.host);
  private runtime: ScoRuntime | null = null;
  private current: ScormLaunch | null = null;
  /** The session last shown: where "continue" and "previous" count from once its SCO ended. */
  private lastSession: string | null = null;
  /** A learner's move waiting for the open SCO to end first. */
  private pending: LearnerRequest | null = null;
  private alive = false;
  private leaving = false;
  private completed: boolean;
  private events: PlayerEvents = { opened: () => undefined, completed: () => undefined };

  constructor(
    private readonly slug: string,
    private readonly activityId: string,
    initial: ScormPlayerView,
  ) {
    this.completed = initial.activityStatus === 'completed';
    this.state = {
      player: initial,
      launch: null,
      panel: this.completed ? 'completed' : 'start',
      panelFocus: false,
      busy: false,
      notice: null,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PlayerState => this.state;

  /** Where SCO frames go. */
  attachHost(host: HTMLElement | null): void {
    this.host = host;
  }

  /** Who hears that a SCO opened or the activity was completed. */
  listen(events: PlayerEvents): void {
    this.events = events;
  }

  /** Starts listening for the page being left; the returned function ends the player. */
  mount(): () => void {
    this.alive = true;
    preloadRuntime(this.state.player.scormVersion);
    const onPageHide = () => {
      // Leaving the page with a SCO open: it is suspended, its final commit goes by beacon.
      this.leaving = true;
      this.runtime?.terminateForSco({ leaving: true, suspend: true });
    };
    // Fired before any frame unloads (pagehide reaches the SCO's frame first): a SCO that
    // terminates as it unloads then does so suspended.
    const onBeforeUnload = () => this.runtime?.presetSuspend();
    const onPageShow = (event: PageTransitionEvent) => {
      // Back from the browser's page cache: the SCO was ended on the way out.
      if (event.persisted) window.location.reload();
    };
    // A hidden tab may be closed by a phone without any further event: store what the SCO has.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') this.runtime?.commitNow();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibility);
      this.alive = false;
      // Leaving the player for another page of the app: the SCO ends suspended, as on closing.
      this.runtime?.presetSuspend();
      this.frame.remove();
      this.runtime?.terminateForSco({ leaving: false, suspend: true });
      this.closeSco();
    };
  }

  /** Start, or resume a suspended attempt (the server decides which). */
  start(): void {
    if (this.state.busy) return;
    void this.send({ request: 'start' });
  }

  /** A move the learner asked for: the open SCO ends first (its final commit), then the request. */
  request(wanted: LearnerRequest): void {
    if (this.state.busy) return;
    const current = this.current;
    const runtime = this.runtime;
    if (current && runtime) {
      this.update({ busy: true, notice: null });
      this.pending = wanted;
      if (wanted.request === 'suspend') runtime.presetSuspend();
      // Most SCOs terminate themselves as their page unloads, with their own exit value.
      this.frame.remove();
      runtime.terminateForSco({ leaving: false, suspend: wanted.request === 'suspend' });
      if (runtime.ended()) return; // onScoEnd carries on
      // The SCO never initialized (or could not terminate): the request goes once whatever it
      // committed as its page unloaded has been stored.
      this.pending = null;
    }
    const from = current ? current.sessionId : this.lastSession;
    const settled = runtime ? runtime.settled() : Promise.resolve();
    // An asset (no runtime) stays on screen until the server answers.
    if (runtime) this.closeSco();
    this.update({ busy: true, notice: null });
    void settled.then(() => {
      if (!this.alive) return;
      if (wanted.request === 'suspend') this.showSuspended();
      else void this.send({ ...wanted, ...(from ? { fromSessionId: from } : {}) });
    });
  }

  private update(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private closeSco(): void {
    this.runtime?.dispose();
    this.runtime = null;
    this.frame.remove();
  }

  private titleOf(view: ScormPlayerView, scoId: string): string {
    // `||`: an item's title may be empty, and the frame's title is its only accessible name.
    return findItem(view.tree, scoId)?.title || view.title;
  }

  private noteCompletion(view: ScormPlayerView): void {
    if (view.activityStatus !== 'completed' || this.completed) return;
    this.completed = true;
    this.events.completed();
  }

  private showSuspended(): void {
    this.closeSco();
    this.current = null;
    this.update({ launch: null, panel: 'suspended', panelFocus: true, busy: false });
    void this.refresh();
  }

  /** Reads the contents' statuses and the resume point again (after the learner saved and left). */
  private async refresh(): Promise<void> {
    try {
      const view = await fetchScormPlayer(this.slug, this.activityId, new AbortController().signal);
      if (!view || !this.alive) return;
      const done = view.activityStatus === 'completed' && this.state.panel === 'between';
      this.update({ player: view, ...(done ? { panel: 'completed' as const } : {}) });
      this.noteCompletion(view);
    } catch {
      // The panel still offers to resume; the contents keep the last known statuses.
    }
  }

  private onScoEnd(sessionId: string, end: ScoEnd): void {
    if (!this.alive || this.leaving || this.current?.sessionId !== sessionId) return;
    const pending = this.pending;
    this.pending = null;
    this.closeSco();
    const from = { fromSessionId: sessionId };
    if (pending) {
      if (pending.request === 'suspend') this.showSuspended();
      else void this.send({ ...pending, ...from });
      return;
    }
    if (this.state.player.scormVersion === '1.2') {
      if (end.exit === 'suspend') this.showSuspended();
      else void this.send({ request: 'continue', ...from }, 'sco');
      return;
    }
    switch (end.request) {
      case 'continue':
      case 'previous':
      case 'exit':
      case 'exitAll':
        void this.send({ request: end.request, ...from }, 'sco');
        return;
      case 'abandon':
        void this.send({ request: 'exit', ...from }, 'sco');
        return;
      case 'abandonAll':
        void this.send({ request: 'exitAll', ...from }, 'sco');
        return;
      case 'suspendAll':
        this.showSuspended();
        return;
      case 'choice':
        if (end.target) {
          void this.send({ request: 'choice', target: end.target, ...from }, 'sco');
          return;
        }
        break;
    }
    // No request: a suspended SCO waits to be resumed; otherwise the learner chooses where to go
    // next, and that request ends the SCO's activity in sequencing (its post-condition rules).
    if (end.exit === 'suspend') this.showSuspended();
    else this.showBetween();
  }

  /**
   * A commit the server did not store (offline, signed out): the SCO may not say so, and the
   * learner would carry on losing their work. Said until a later commit is stored.
   */
  private onCommit(stored: boolean): void {
    if (!this.alive || this.leaving) return;
    if (!stored) this.update({ notice: 'commitFailed' });
    else if (this.state.notice === 'commitFailed') this.update({ notice: null });
  }

  private showBetween(): void {
    this.closeSco();
    this.current = null;
    this.update({ launch: null, panel: 'between', panelFocus: true, busy: false });
    void this.refresh();
  }

  /**
   * Sends a navigation request. A refusal of the learner's own move is explained; one of the SCO's
   * (a 2004 `continue` where the package has no flow, say) only leaves the learner the contents.
   */
  private async send(nav: ScormNavigation, by: 'learner' | 'sco' = 'learner'): Promise<void> {
    this.update({ busy: true, notice: null });
    try {
      const result = await navigateScorm(this.slug, this.activityId, nav);
      if (this.alive) await this.apply(result);
    } catch (failure) {
      if (!this.alive) return;
      const refused = failure instanceof ScormNavigationRefused && failure.status === 409;
      const reason = failure instanceof ScormNavigationRefused ? failure.reason : null;
      const notice = refused
        ? reason && REFUSALS.has(reason)
          ? `refused.${reason}`
          : 'refused.other'
        : 'navigationFailed';
      // The SCO was ended to make this move: the learner now chooses where to go.
      const scoGone = this.current !== null && !this.frame.isShowing();
      if (scoGone) this.current = null;
      this.update({
        notice: refused && by === 'sco' ? null : notice,
        ...(scoGone ? { launch: null, panel: 'between' as const, panelFocus: true } : {}),
      });
    } finally {
      if (this.alive) this.update({ busy: false });
    }
  }

  private async apply(result: ScormNavigationResult): Promise<void> {
    this.update({ player: result.player });
    if (result.delivery) {
      await this.deliver(result.player, result.delivery);
    } else {
      this.closeSco();
      this.current = null;
      this.update({
        launch: null,
        panelFocus: true,
        panel: result.ended
          ? result.player.activityStatus === 'completed'
            ? 'completed'
            : 'ended'
          : 'between',
      });
    }
    this.noteCompletion(result.player);
  }

  private async deliver(view: ScormPlayerView, delivery: ScormLaunch): Promise<void> {
    this.closeSco();
    this.current = delivery;
    this.lastSession = delivery.sessionId;
    if (delivery.scormType === 'sco') {
      const runtime = await createScoRuntime(
        view.scormVersion,
        delivery,
        (end) => this.onScoEnd(delivery.sessionId, end),
        (stored) => this.onCommit(stored),
      );
      if (!this.alive || this.current !== delivery) {
        runtime.dispose();
        return;
      }
      this.runtime = runtime;
    }
    this.update({ launch: delivery, panel: null });
    // Only now, with the API on the window, may the SCO's page load and look for it.
    const title = this.titleOf(view, delivery.scoId);
    this.frame.show(delivery.launchUrl, title);
    this.events.opened(title);
  }
}
