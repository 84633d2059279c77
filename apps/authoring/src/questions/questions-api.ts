import { as, untypedApi } from '../quizzes/untypedApi';
import type { Question, QuestionType } from './questionModel';

/*
 * The question bank's routes (ADR 0014, QuestionBankModule). Every call the Studio makes to the bank
 * is here, so moving to the generated client types is a change to this file only.
 */

export interface QuestionSummary {
  id: string;
  name: string;
  type: QuestionType;
  category: string;
  tags: string[];
  version: number;
  points: number;
  /** How many quizzes of the course use this question. */
  usedIn: number;
}

export interface QuestionVersionInfo {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

export interface QuestionDetail extends QuestionSummary {
  courseId: string;
  question: Question;
  versions: QuestionVersionInfo[];
}

export interface QuestionPage {
  items: QuestionSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface QuestionCategory {
  name: string;
  count: number;
}

export interface QuestionFilters {
  category?: string;
  tag?: string;
  q?: string;
  type?: string;
  page?: number;
  pageSize?: number;
}

export interface QuestionFields {
  category: string;
  tags: string[];
  name?: string;
  question: Question;
}

export interface GiftProblem {
  line: number;
  message: string;
}

export interface GiftImportResult {
  imported: number;
  questions: QuestionSummary[];
  problems: GiftProblem[];
}

export interface GiftImportRequest {
  gift: string;
  category?: string;
  acceptProblems?: boolean;
  dryRun?: boolean;
}

export const listQuestions = (courseId: string, filters: QuestionFilters, signal?: AbortSignal) =>
  as<QuestionPage>(
    untypedApi.GET('/api/studio/courses/{id}/questions', {
      params: { path: { id: courseId }, query: filters },
      signal,
    }),
  );

export const listCategories = (courseId: string, signal?: AbortSignal) =>
  as<QuestionCategory[]>(
    untypedApi.GET('/api/studio/courses/{id}/question-categories', {
      params: { path: { id: courseId } },
      signal,
    }),
  );

export const createQuestion = (courseId: string, body: QuestionFields) =>
  as<QuestionDetail>(
    untypedApi.POST('/api/studio/courses/{id}/questions', { params: { path: { id: courseId } }, body }),
  );

export const getQuestion = (questionId: string, signal?: AbortSignal) =>
  as<QuestionDetail>(
    untypedApi.GET('/api/studio/questions/{questionId}', { params: { path: { questionId } }, signal }),
  );

export const updateQuestion = (questionId: string, body: QuestionFields & { version: number }) =>
  as<QuestionDetail>(
    untypedApi.PUT('/api/studio/questions/{questionId}', { params: { path: { questionId } }, body }),
  );

export const archiveQuestion = (questionId: string) =>
  as<undefined>(
    untypedApi.DELETE('/api/studio/questions/{questionId}', { params: { path: { questionId } } }),
  );

export const importGift = (courseId: string, body: GiftImportRequest) =>
  as<GiftImportResult>(
    untypedApi.POST('/api/studio/courses/{id}/questions/import', {
      params: { path: { id: courseId } },
      body,
    }),
  );

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
