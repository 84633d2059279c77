import { api } from '../api';

/*
 * The cohort routes (CohortsModule) and enrolment-import routes (its imports part): the only place
 * the cohort pages call the API.
 */

export interface CohortListQuery {
  institutionId?: string;
  status?: 'open' | 'closed';
  q?: string;
  page?: number;
  pageSize?: number;
}

export const listCohorts = (query: CohortListQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts', { params: { query }, signal });

export interface CohortFields {
  name: string;
  /** Empty clears it. */
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  enrolmentOpensAt: string | null;
  enrolmentClosesAt: string | null;
  courseIds: string[];
  facilitatorIds: string[];
}

export const createCohort = (body: CohortFields & { institutionId: string }) =>
  api.POST('/api/studio/cohorts', { body });

export const getCohort = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts/{id}', { params: { path: { id } }, signal });

export const updateCohort = (
  id: string,
  body: Partial<CohortFields> & {
    version: number;
    deadlines?: { courseId: string; moduleId: string; dueOn: string }[];
  },
) => api.PATCH('/api/studio/cohorts/{id}', { params: { path: { id } }, body });

export const closeCohort = (id: string) =>
  api.POST('/api/studio/cohorts/{id}/close', { params: { path: { id } } });

export interface MemberQuery {
  q?: string;
  status?: 'member' | 'invited';
  page?: number;
  pageSize?: number;
}

export const listMembers = (id: string, query: MemberQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts/{id}/members', { params: { path: { id }, query }, signal });

export const addMember = (
  id: string,
  body: { email: string; givenName?: string; familyName?: string; language?: 'en' | 'es' | 'fr' },
) => api.POST('/api/studio/cohorts/{id}/members', { params: { path: { id } }, body });

export const removeMember = (id: string, userId: string) =>
  api.DELETE('/api/studio/cohorts/{id}/members/{userId}', { params: { path: { id, userId } } });

export const moveMember = (id: string, userId: string, toCohortId: string) =>
  api.POST('/api/studio/cohorts/{id}/members/{userId}/move', {
    params: { path: { id, userId } },
    body: { toCohortId },
  });

export const revokeInvitee = (id: string, invitationId: string) =>
  api.DELETE('/api/studio/cohorts/{id}/invitees/{invitationId}', {
    params: { path: { id, invitationId } },
  });

/** Where the template downloads from: a plain link, so the browser saves it as a file. */
export const templateUrl = (cohortId: string, language: string) =>
  `/api/studio/cohorts/${encodeURIComponent(cohortId)}/enrolment-imports/template.csv?language=${encodeURIComponent(language)}`;

export const uploadImport = (cohortId: string, file: File, language: 'en' | 'es' | 'fr') =>
  api.POST('/api/studio/cohorts/{cohortId}/enrolment-imports', {
    params: { path: { cohortId }, query: { language } },
    // The typed body stands for the multipart parts; the serializer sends the real file.
    body: { file: file as unknown as string, language },
    bodySerializer: () => {
      const form = new FormData();
      // The language goes first: the server reads the parts in order and the file as it streams.
      form.append('language', language);
      form.append('file', file, file.name);
      return form;
    },
  });

export const getImport = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/enrolment-imports/{id}', { params: { path: { id } }, signal });

export const listImportRows = (
  id: string,
  query: {
    outcome?: 'new_account' | 'existing_account' | 'already_enrolled' | 'invalid';
    page?: number;
    pageSize?: number;
  },
  signal?: AbortSignal,
) => api.GET('/api/studio/enrolment-imports/{id}/rows', { params: { path: { id }, query }, signal });

export const confirmImport = (id: string, body: { skipInvalidRows: boolean; reportingConsent: boolean }) =>
  api.POST('/api/studio/enrolment-imports/{id}/confirm', { params: { path: { id } }, body });

export const discardImport = (id: string) =>
  api.DELETE('/api/studio/enrolment-imports/{id}', { params: { path: { id } } });

export const listImports = (
  cohortId: string,
  query: { page?: number; pageSize?: number },
  signal?: AbortSignal,
) =>
  api.GET('/api/studio/cohorts/{cohortId}/enrolment-imports', {
    params: { path: { cohortId }, query },
    signal,
  });
