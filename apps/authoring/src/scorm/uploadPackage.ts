import { isProblem } from '@archipelago/api-client';
import type { PackageProblem, ScormPackageView } from './scormTypes';
import { packageUploadUrl } from './scorm-api';

/** Why an upload did not give the activity a new package, in terms the page explains. */
export type PackageUploadFailure =
  /** 422: the zip or its manifest; every error and warning the server found. */
  | { kind: 'refused'; problems: PackageProblem[]; detail?: string }
  | { kind: 'tooLarge'; limitBytes?: number }
  | { kind: 'notZip' }
  | { kind: 'aborted' }
  | { kind: 'failed'; status: number | null; detail?: string };

export type PackageUploadResult =
  { ok: true; view: ScormPackageView } | { ok: false; failure: PackageUploadFailure };

export interface UploadProgress {
  sent: number;
  total: number;
}

const isPackageProblem = (value: unknown): value is PackageProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PackageProblem).code === 'string' &&
  typeof (value as PackageProblem).detail === 'string';

/** Reads a refusal's problem answer (RFC 9457, with `problems` on a 422). */
function packageFailureOf(status: number | null, body: unknown): PackageUploadFailure {
  const problem = isProblem(body) ? (body as Record<string, unknown>) : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  if (status === 413) {
    return {
      kind: 'tooLarge',
      limitBytes: typeof problem.limitBytes === 'number' ? problem.limitBytes : undefined,
    };
  }
  if (status === 415) return { kind: 'notZip' };
  if (status === 422) {
    const listed = Array.isArray(problem.problems) ? problem.problems.filter(isPackageProblem) : [];
    const problems: PackageProblem[] =
      listed.length > 0
        ? listed
        : [{ severity: 'error', code: String(problem.code ?? 'unknown'), detail: detail ?? '' }];
    return { kind: 'refused', problems, detail };
  }
  return { kind: 'failed', status, detail };
}

const parse = (text: string): unknown => {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
};

/**
 * Sends the zip as multipart/form-data (one part, `file`) with XMLHttpRequest, because fetch
 * reports no upload progress and a package can be hundreds of megabytes. The browser streams the
 * file from disk; nothing is read into memory here. `signal` aborts the upload.
 */
export function uploadPackage(
  activityId: string,
  file: File,
  csrfToken: string | null,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<PackageUploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', packageUploadUrl(activityId));
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    });
    request.addEventListener('load', () => {
      const body = parse(request.responseText);
      // A success without the package's view (a proxy's own page, say) is not taken for one: the
      // page would read the new package's title from it.
      if ((request.status === 201 || request.status === 200) && typeof body === 'object' && body !== null) {
        resolve({ ok: true, view: body as ScormPackageView });
        return;
      }
      resolve({ ok: false, failure: packageFailureOf(request.status, body) });
    });
    // No answer at all (the connection dropped, or a proxy closed it on a large body).
    request.addEventListener('error', () =>
      resolve({ ok: false, failure: { kind: 'failed', status: null } }),
    );
    request.addEventListener('abort', () => resolve({ ok: false, failure: { kind: 'aborted' } }));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
