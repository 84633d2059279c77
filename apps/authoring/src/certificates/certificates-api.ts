import { api } from '../api';
import type {
  CertificateSettings,
  CertificateState,
  CertificateStatus,
  TemplateContent,
} from './certificateTypes';

/*
 * The certificate routes (CertificateTemplatesModule, CertificatesModule, CertificateBatchesModule):
 * the only place the certificate pages call the API.
 */

export const getCertificateSettings = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificate-settings', {
    params: { path: { courseId } },
    signal,
  });

export const saveCertificateSettings = (courseId: string, body: CertificateSettings) =>
  api.PUT('/api/studio/courses/{courseId}/certificate-settings', {
    params: { path: { courseId } },
    body,
  });

export const getCertificateTemplate = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificate-template', {
    params: { path: { courseId } },
    signal,
  });

export const saveCertificateTemplate = (
  courseId: string,
  body: TemplateContent & { expectedVersion: number },
) =>
  api.PUT('/api/studio/courses/{courseId}/certificate-template', {
    params: { path: { courseId } },
    body,
  });

export const listTemplateVersions = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificate-template/versions', {
    params: { path: { courseId } },
    signal,
  });

/** The template drawn as a PDF with sample data. */
export const previewCertificatePdf = (courseId: string, body: TemplateContent) =>
  api.POST('/api/studio/courses/{courseId}/certificate-template/preview', {
    params: { path: { courseId } },
    body,
    parseAs: 'blob',
  });

export type CertificateQuery = {
  state?: CertificateState;
  status?: CertificateStatus;
  q?: string;
  page: number;
  pageSize: number;
};

export const listCertificates = (courseId: string, query: CertificateQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificates', { params: { path: { courseId }, query }, signal });

export const listEligibleLearners = (courseId: string, q: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificates/eligible', {
    params: { path: { courseId }, query: q ? { q } : {} },
    signal,
  });

export const issueCertificate = (courseId: string, body: { userId: string; reason: string }) =>
  api.POST('/api/studio/courses/{courseId}/certificates', {
    params: { path: { courseId } },
    body,
  });

export const approveCertificate = (id: string) =>
  api.POST('/api/studio/certificates/{id}/approve', { params: { path: { id } } });

export const declineCertificate = (id: string, body: { reason: string }) =>
  api.POST('/api/studio/certificates/{id}/decline', { params: { path: { id } }, body });

export const revokeCertificate = (id: string, body: { reason: string; reasonPublic: boolean }) =>
  api.POST('/api/studio/certificates/{id}/revoke', { params: { path: { id } }, body });

export const reissueCertificate = (id: string, body: { learnerName: string; reason: string }) =>
  api.POST('/api/studio/certificates/{id}/reissue', { params: { path: { id } }, body });

export const startBatch = (courseId: string, body: { reason: string; cohortId?: string }) =>
  api.POST('/api/studio/courses/{courseId}/certificate-batches', {
    params: { path: { courseId } },
    body,
  });

/** The cohorts that include the course (those the caller may see), for a batch of one cohort. */
export const listCourseCohorts = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts', { params: { query: { courseId, pageSize: 100 } }, signal });

export const listBatches = (courseId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{courseId}/certificate-batches', {
    params: { path: { courseId } },
    signal,
  });

export const getBatch = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/certificate-batches/{id}', { params: { path: { id } }, signal });
