import { useEffect, useState } from 'react';
import type { MyAssessmentView } from './assessments-api';
import { RatingSaver, type RatingSnapshot, type SaveEvent } from './rating-saver';

export interface Ratings extends RatingSnapshot {
  saver: RatingSaver;
  /** Statements with a rating or "don't know", saved or on their way. */
  answered: number;
}

/**
 * The participant's answers, saved as they go by a RatingSaver made once for the page;
 * `onEvent` hears each save, failure and the round closing, to say them aloud.
 */
export function useRatings(assessment: MyAssessmentView, onEvent: (event: SaveEvent) => void): Ratings {
  const [saver] = useState(() => new RatingSaver(assessment.id, assessment.ratings));
  const [snapshot, setSnapshot] = useState(() => saver.current());

  useEffect(
    () =>
      saver.subscribe((event) => {
        setSnapshot(saver.current());
        if (event) onEvent(event);
      }),
    [saver, onEvent],
  );
  useEffect(() => () => saver.dispose(), [saver]);
  // Closing or reloading the tab within the typing pause would drop the words: send them, and ask.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!saver.pending()) return;
      void saver.saveAll();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver]);

  const answered = [...snapshot.drafts.values()].filter((draft) => draft.choice !== null).length;
  return { ...snapshot, saver, answered };
}
