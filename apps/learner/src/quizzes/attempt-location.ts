import type { To } from 'react-router';
import { questionHeadingId } from './QuestionCard';
import type { AttemptLayout } from './quiz-api';

/*
 * Where the learner is inside an attempt lives in the URL (?q=3, ?review), so the browser's back
 * button, a reload and a shared screen all agree about it. On an all-on-one-page attempt a question
 * is a fragment of the page instead.
 */
export const questionLocation = (layout: AttemptLayout, number: number, slot: number): To =>
  layout === 'one-per-page'
    ? { search: `?q=${number}` }
    : { search: '', hash: `#${questionHeadingId(slot)}` };

export const reviewLocation: To = { search: '?review', hash: '' };
