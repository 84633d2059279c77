import { useCallback, useEffect, useRef, useState } from 'react';
import { answerKey, type AnswerQueue } from './answer-queue';
import type { AttemptView, QuizResponse, SaveAnswerResult } from './quiz-api';

/** Where one question's answer stands, for the words next to it. */
export type SaveState =
  | { status: 'unchanged' }
  | { status: 'typing' }
  | { status: 'saving' }
  | { status: 'saved'; at: string }
  | { status: 'waiting' }
  | { status: 'rejected' };

/** A pause this long in typing saves the text; choices save at once. */
export const TYPING_PAUSE_MS = 800;

export interface AttemptAnswers {
  responses: ReadonlyMap<number, QuizResponse | null>;
  saveStates: ReadonlyMap<number, SaveState>;
  /** Records an answer; text waits for a pause in typing, anything else is sent now. */
  answer: (slot: number, response: QuizResponse | null, options?: { typing?: boolean }) => void;
  /** Sends what is typed and waiting; true once nothing of this attempt is left unsent. */
  sendAll: () => Promise<boolean>;
}

const deviceTime = () => new Date().toISOString();

/** The attempt's answers: the server's, with anything still waiting on this device on top. */
export function useAttemptAnswers(attempt: AttemptView, queue: AnswerQueue): AttemptAnswers {
  const attemptId = attempt.id;
  const [responses, setResponses] = useState(() => {
    const map = new Map<number, QuizResponse | null>();
    for (const slot of attempt.slots) {
      const waiting = queue.pending(answerKey(attemptId, slot.slot));
      map.set(slot.slot, waiting ? waiting.body.response : slot.response);
    }
    return map;
  });
  const [saveStates, setSaveStates] = useState(() => {
    const map = new Map<number, SaveState>();
    for (const slot of attempt.slots) {
      const waiting = queue.pending(answerKey(attemptId, slot.slot));
      map.set(slot.slot, waiting ? { status: 'waiting' } : { status: 'unchanged' });
    }
    return map;
  });
  const typing = useRef(new Map<number, { timer: ReturnType<typeof setTimeout>; send: () => void }>());

  const setState = useCallback((slot: number, state: SaveState) => {
    setSaveStates((current) => new Map(current).set(slot, state));
  }, []);

  useEffect(() => {
    const unsubscribe = attempt.slots.map(({ slot }) =>
      queue.subscribe(answerKey(attemptId, slot), (status, data) => {
        if (status === 'saved') {
          const at = (data as SaveAnswerResult | undefined)?.answeredAt ?? deviceTime();
          setState(slot, { status: 'saved', at });
        } else if (status === 'rejected') setState(slot, { status: 'rejected' });
      }),
    );
    const health = queue.subscribeHealth(({ failing }) => {
      if (!failing) return;
      // The connection is down: say the answers are kept here rather than "saving…" for ever.
      setSaveStates((current) => {
        const next = new Map(current);
        for (const [slot, state] of current)
          if (state.status === 'saving' && queue.pending(answerKey(attemptId, slot)))
            next.set(slot, { status: 'waiting' });
        return next;
      });
    });
    return () => {
      unsubscribe.forEach((stop) => stop());
      health();
    };
  }, [queue, attempt.slots, attemptId, setState]);

  const put = useCallback(
    (slot: number, response: QuizResponse | null) => {
      queue.put(answerKey(attemptId, slot), { attemptId, slot, body: { response, at: deviceTime() } });
      setState(slot, queue.state.failing ? { status: 'waiting' } : { status: 'saving' });
    },
    [queue, attemptId, setState],
  );

  const sendTyped = useCallback(() => {
    for (const [, pending] of typing.current) {
      clearTimeout(pending.timer);
      pending.send();
    }
    typing.current.clear();
  }, []);

  const answer = useCallback<AttemptAnswers['answer']>(
    (slot, response, options) => {
      setResponses((current) => new Map(current).set(slot, response));
      const earlier = typing.current.get(slot);
      if (earlier) clearTimeout(earlier.timer);
      typing.current.delete(slot);
      if (!options?.typing) {
        put(slot, response);
        return;
      }
      setState(slot, { status: 'typing' });
      const send = () => {
        typing.current.delete(slot);
        put(slot, response);
      };
      typing.current.set(slot, { timer: setTimeout(send, TYPING_PAUSE_MS), send });
    },
    [put, setState],
  );

  // Leaving or hiding the page sends what was typed; the queue sends it with keepalive.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') sendTyped();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', sendTyped);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', sendTyped);
      sendTyped();
    };
  }, [sendTyped]);

  const sendAll = useCallback(async () => {
    sendTyped();
    await queue.flush();
    return attempt.slots.every(({ slot }) => queue.pending(answerKey(attemptId, slot)) === undefined);
  }, [sendTyped, queue, attempt.slots, attemptId]);

  return { responses, saveStates, answer, sendAll };
}

/** True when a response counts as an answer (an empty text box or no choice does not). */
export function isAnswered(response: QuizResponse | null | undefined): boolean {
  if (!response) return false;
  if ('optionId' in response) return response.optionId !== '';
  if ('optionIds' in response) return response.optionIds.length > 0;
  if ('answer' in response) return true;
  if ('text' in response) return response.text.trim() !== '';
  if ('matches' in response) return Object.keys(response.matches).length > 0;
  return response.order.length > 0;
}
