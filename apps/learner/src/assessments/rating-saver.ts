import { AssessmentRequestError, saveRating, type MyRating, type RatingChoice } from './assessments-api';

/** One statement's answer as the page holds it, saved or not. */
export interface RatingDraft {
  choice: RatingChoice | null;
  comment: string;
  evidenceUrl: string;
}

export type FailureReason = 'offline' | 'bad-link' | 'out-of-scale' | 'invalid' | 'statement-gone';

/** Where a statement's answer stands, for the words beside it. */
export type SaveState =
  | { status: 'unchanged' }
  | { status: 'typing' }
  | { status: 'saving' }
  | { status: 'saved'; at: string }
  /** A comment or link written before a rating: the API keeps them with a rating only. */
  | { status: 'needs-rating' }
  | { status: 'failed'; reason: FailureReason };

/** What the page is told after each request: said aloud, or the round closed under it. */
export type SaveEvent =
  | { type: 'saved'; statementId: string }
  | { type: 'failed'; statementId: string; reason: FailureReason }
  | { type: 'round-closed' };

export interface RatingSnapshot {
  drafts: ReadonlyMap<string, RatingDraft>;
  states: ReadonlyMap<string, SaveState>;
  /** The round closed while the page was open (409 round-closed): nothing more can be saved. */
  roundClosed: boolean;
}

/** A pause this long in typing saves the comment or link; a choice saves at once. */
export const TYPING_PAUSE_MS = 1000;

export const EMPTY_DRAFT: RatingDraft = { choice: null, comment: '', evidenceUrl: '' };

export function draftOf(rating: MyRating): RatingDraft {
  const choice: RatingChoice | null = rating.dontKnow
    ? { dontKnow: true }
    : rating.value === null
      ? null
      : { value: rating.value };
  return { choice, comment: rating.comment ?? '', evidenceUrl: rating.evidenceUrl ?? '' };
}

/** A link the API will take: empty, or an http(s) address. */
export function isEvidenceUrl(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function failureOf(error: unknown): FailureReason | 'round-closed' {
  if (!(error instanceof AssessmentRequestError)) return 'offline';
  if (error.status === 409) return 'round-closed';
  if (error.status === 404) return 'statement-gone';
  if (error.status === 422 || error.status === 400) {
    if (error.code === 'rating-out-of-scale') return 'out-of-scale';
    if (error.fields.some((field) => field.field === 'evidenceUrl')) return 'bad-link';
    return 'invalid';
  }
  return 'offline';
}

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * A participant's answers to one assessment, saved as they go. One request per statement at a
 * time: a change made while one is on its way is sent when it returns, so the latest answer is
 * always the one that stays. Lives outside React so timers and requests outlast a render.
 */
export class RatingSaver {
  private snapshot: RatingSnapshot;
  /** Each statement's answer as the API last accepted it: what stays once the round closes. */
  private readonly saved: Map<string, RatingDraft>;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(event: SaveEvent | null) => void>();

  constructor(
    private readonly assessmentId: string,
    ratings: MyRating[],
  ) {
    this.saved = new Map(ratings.map((rating) => [rating.statementId, draftOf(rating)]));
    this.snapshot = {
      drafts: new Map(this.saved),
      states: new Map(),
      roundClosed: false,
    };
  }

  current(): RatingSnapshot {
    return this.snapshot;
  }

  /** Called after every change with what happened, if anything worth saying (null: a redraw). */
  subscribe(listener: (event: SaveEvent | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  change(statementId: string, next: Partial<RatingDraft>, options?: { typing?: boolean }): void {
    const draft = { ...(this.snapshot.drafts.get(statementId) ?? EMPTY_DRAFT), ...next };
    this.update({ drafts: new Map(this.snapshot.drafts).set(statementId, draft) });
    clearTimeout(this.typing.get(statementId));
    this.typing.delete(statementId);
    if (!options?.typing) {
      void this.send(statementId);
      return;
    }
    this.setState(statementId, { status: 'typing' });
    this.typing.set(
      statementId,
      setTimeout(() => {
        this.typing.delete(statementId);
        void this.send(statementId);
      }, TYPING_PAUSE_MS),
    );
  }

  /** Sends a statement's typed comment or link now (the field lost focus, or the page is left). */
  flush(statementId: string): Promise<void> {
    const timer = this.typing.get(statementId);
    if (timer === undefined) return Promise.resolve();
    clearTimeout(timer);
    this.typing.delete(statementId);
    return this.send(statementId);
  }

  /** Something typed and not yet sent, or a request still on its way. */
  pending(): boolean {
    return this.typing.size > 0 || this.inFlight.size > 0;
  }

  retry(statementId: string): void {
    void this.send(statementId);
  }

  /** Sends everything typed and waits for every request; true once no answer failed to save. */
  async saveAll(): Promise<boolean> {
    await Promise.all([...this.typing.keys()].map((statementId) => this.flush(statementId)));
    // A change queued behind a request is sent when it returns: wait for that one too.
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
    return [...this.snapshot.states.values()].every((state) => state.status !== 'failed');
  }

  private update(change: Partial<RatingSnapshot>, event: SaveEvent | null = null): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(event);
  }

  private setState(statementId: string, state: SaveState, event: SaveEvent | null = null): void {
    this.update({ states: new Map(this.snapshot.states).set(statementId, state) }, event);
  }

  private send(statementId: string): Promise<void> {
    const running = this.inFlight.get(statementId);
    if (running) {
      this.again.add(statementId);
      return running;
    }
    if (this.snapshot.roundClosed) return Promise.resolve();
    const draft = this.snapshot.drafts.get(statementId) ?? EMPTY_DRAFT;
    if (!draft.choice) {
      this.setState(statementId, { status: 'needs-rating' });
      return Promise.resolve();
    }
    if (!isEvidenceUrl(draft.evidenceUrl)) {
      this.setState(
        statementId,
        { status: 'failed', reason: 'bad-link' },
        { type: 'failed', statementId, reason: 'bad-link' },
      );
      return Promise.resolve();
    }
    this.setState(statementId, { status: 'saving' });
    const body = {
      choice: draft.choice,
      comment: blank(draft.comment),
      evidenceUrl: blank(draft.evidenceUrl),
    };
    const request = saveRating(this.assessmentId, statementId, body).then(
      (saved) => {
        this.inFlight.delete(statementId);
        this.saved.set(statementId, draft);
        if (this.again.delete(statementId)) return this.send(statementId);
        this.setState(statementId, { status: 'saved', at: saved.updatedAt }, { type: 'saved', statementId });
        return undefined;
      },
      (error: unknown) => {
        this.inFlight.delete(statementId);
        this.again.delete(statementId);
        const reason = failureOf(error);
        if (reason === 'round-closed') {
          // The page turns read-only and shows "your rating": the answers the API kept, not the
          // refused change (nor anything typed and not yet sent, which can no longer be saved).
          const states = new Map(this.snapshot.states).set(statementId, { status: 'unchanged' });
          this.update({ drafts: new Map(this.saved), states, roundClosed: true }, { type: 'round-closed' });
        } else {
          this.setState(statementId, { status: 'failed', reason }, { type: 'failed', statementId, reason });
        }
      },
    );
    this.inFlight.set(statementId, request);
    return request;
  }

  /** Leaving the page sends what was typed rather than dropping it. */
  dispose(): void {
    for (const statementId of [...this.typing.keys()]) void this.flush(statementId);
    this.listeners.clear();
  }
}
