import { api } from '../../api';
import type { AssessmentSettings, AssessmentStatus, AssessmentSubject } from './assessmentTypes';

/* The DGCA assessment routes (DgcaAssessmentsModule): the only place the assessment pages call the API. */

export interface AssessmentListQuery {
  status?: AssessmentStatus;
  institutionId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const listAssessments = (query: AssessmentListQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments', { params: { query }, signal });

export type NewAssessment = Omit<AssessmentSettings, 'previousAssessmentId' | 'description'> & {
  institutionId: string;
  subject: AssessmentSubject;
  country?: string;
  description?: string;
  versionId: string;
  previousAssessmentId?: string;
};

export const createAssessment = (body: NewAssessment) => api.POST('/api/studio/dgca/assessments', { body });

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}', { params: { path: { id } }, signal });

export const updateAssessment = (
  id: string,
  body: Partial<AssessmentSettings> & { revision: number; regionalOptIn?: boolean },
) => api.PATCH('/api/studio/dgca/assessments/{id}', { params: { path: { id } }, body });

export const changeStatus = (id: string, revision: number, to: AssessmentStatus) =>
  api.POST('/api/studio/dgca/assessments/{id}/status', { params: { path: { id } }, body: { revision, to } });

export const deleteAssessment = (id: string, revision: number) =>
  api.DELETE('/api/studio/dgca/assessments/{id}', { params: { path: { id }, query: { revision } } });

export const listParticipants = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}/participants', { params: { path: { id } }, signal });

export const addParticipants = (
  id: string,
  body: { people: { email: string; displayName?: string }[]; language?: 'en' | 'es' | 'fr' },
) => api.POST('/api/studio/dgca/assessments/{id}/participants', { params: { path: { id } }, body });

export const removeParticipant = (id: string, participantId: string) =>
  api.DELETE('/api/studio/dgca/assessments/{id}/participants/{participantId}', {
    params: { path: { id, participantId } },
  });

export const withdrawInvitee = (id: string, invitationId: string) =>
  api.DELETE('/api/studio/dgca/assessments/{id}/invitees/{invitationId}', {
    params: { path: { id, invitationId } },
  });
