import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import type { Question, QuestionType } from './questionModel';

/*
 * The question bank's routes (ADR 0014, QuestionBankModule). Every call the Studio makes to the bank
 * is here, so moving to the generated client types is a change to this file only.
 */

export type QuestionSummary = Schemas['QuestionSummary'];
export type QuestionVersionInfo = Schemas['QuestionVersionInfo'];
export type QuestionPage = Schemas['QuestionPage'];
export type QuestionCategory = Schemas['QuestionCategory'];

/** The generated type keeps `question` open (a union OpenAPI does not describe); here it is the model. */
export type QuestionDetail = Omit<Schemas['QuestionDetail'], 'question'> & { question: Question };

export interface QuestionFilters {
  category?: string;
  tag?: string;
  q?: string;
  type?: QuestionType;
  page?: number;
  pageSize?: number;
}

export interface QuestionFields {
  category: string;
  tags: string[];
  name?: string;
  question: Question;
}

export type GiftProblem = Schemas['GiftProblem'];
/** `imported` is 0 in a dry run; `questions` lists the readable ones either way. */
export type GiftImportResult = Schemas['GiftImportResult'];
export type GiftImportRequest = Schemas['GiftImportRequest'];

/** The API's body type for a question is an open object; the model is what the form builds. */
const body = (fields: QuestionFields) => ({
  ...fields,
  question: fields.question as unknown as Record<string, unknown>,
});

/** The detail with its question read as the model (the API validated it when it was stored). */
async function asDetail<E>(
  answer: Promise<{ data?: Schemas['QuestionDetail']; error?: E; response: Response }>,
) {
  const { data, error, response } = await answer;
  return { data: data as QuestionDetail | undefined, error, response };
}

export const listQuestions = (courseId: string, filters: QuestionFilters, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{id}/questions', {
    params: { path: { id: courseId }, query: filters },
    signal,
  });

export const listCategories = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{id}/question-categories', { params: { path: { id: courseId } }, signal });

export const createQuestion = (courseId: string, fields: QuestionFields) =>
  asDetail(
    api.POST('/api/studio/courses/{id}/questions', {
      params: { path: { id: courseId } },
      body: body(fields),
    }),
  );

export const getQuestion = (questionId: string, signal?: AbortSignal) =>
  asDetail(api.GET('/api/studio/questions/{questionId}', { params: { path: { questionId } }, signal }));

export const updateQuestion = (questionId: string, fields: QuestionFields & { version: number }) =>
  asDetail(
    api.PUT('/api/studio/questions/{questionId}', {
      params: { path: { questionId } },
      body: { ...body(fields), version: fields.version },
    }),
  );

export const archiveQuestion = (questionId: string) =>
  api.DELETE('/api/studio/questions/{questionId}', { params: { path: { questionId } } });

export const importGift = (courseId: string, request: Partial<GiftImportRequest> & { gift: string }) =>
  api.POST('/api/studio/courses/{id}/questions/import', {
    params: { path: { id: courseId } },
    body: { acceptProblems: false, dryRun: false, ...request },
  });

/** A plain link downloads the export: the browser sends the session cookie, and GET needs no CSRF token. */
export function giftExportUrl(courseId: string, category?: string): string {
  const query = category ? `?category=${encodeURIComponent(category)}` : '';
  return `/api/studio/courses/${encodeURIComponent(courseId)}/questions/export${query}`;
}

/** The problems a refused import (422) lists, when it lists them. */
export function giftProblemsOf(error: unknown): GiftProblem[] | undefined {
  if (typeof error !== 'object' || error === null || !('problems' in error)) return undefined;
  const problems = (error as { problems: unknown }).problems;
  return Array.isArray(problems) ? (problems as GiftProblem[]) : undefined;
}
