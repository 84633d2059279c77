import { isProblem, type Schemas } from '@archipelago/api-client';
import { api } from '../api';

export type UploadedFile = Schemas['StoredFileView'];

/** Why an upload was refused, in terms the Studio explains in the author's language. */
export type UploadFailure =
  | { kind: 'tooLarge'; limitBytes?: number; mediaType?: string }
  | { kind: 'unsupported'; detectedType?: string | null }
  | { kind: 'failed'; status: number | null; detail?: string };

export type UploadResult = { ok: true; file: UploadedFile } | { ok: false; failure: UploadFailure };

/** The types the API accepts, for the file picker (the API judges by content all the same). */
export const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';
export const PDF_TYPES = 'application/pdf';

/** Reads the problem answer of a refused upload: 413 and 415 say what was wrong and the limit. */
export function failureOf(status: number | null, body: unknown): UploadFailure {
  const problem = isProblem(body) ? (body as Record<string, unknown>) : {};
  if (status === 413) {
    return {
      kind: 'tooLarge',
      limitBytes: typeof problem.limitBytes === 'number' ? problem.limitBytes : undefined,
      mediaType: typeof problem.mediaType === 'string' ? problem.mediaType : undefined,
    };
  }
  if (status === 415) {
    return {
      kind: 'unsupported',
      detectedType: typeof problem.detectedType === 'string' ? problem.detectedType : null,
    };
  }
  return { kind: 'failed', status, detail: typeof problem.detail === 'string' ? problem.detail : undefined };
}

/** Sends one file as multipart/form-data to POST /api/studio/files for the institution. */
export async function uploadFile(file: File, institutionId: string): Promise<UploadResult> {
  try {
    const { data, error, response } = await api.POST('/api/studio/files', {
      params: { query: { institutionId } },
      // The typed body stands for the multipart part; the serializer sends the real file.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, file.name);
        return form;
      },
    });
    if (response.ok && data) return { ok: true, file: data };
    return { ok: false, failure: failureOf(response.status, error) };
  } catch {
    return { ok: false, failure: { kind: 'failed', status: null } };
  }
}
