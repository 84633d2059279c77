import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { PackageAccess } from './package-access.service.js';
import {
  etagOf,
  notModified,
  PACKAGE_FILE_CACHE,
  PACKAGE_FILE_CSP,
  packageFilePath,
  rangeOf,
  type FileFacts,
} from './package-file.js';
import { contentTypeOf } from './package-mime.js';
import { ScormStorage } from './scorm-storage.js';

const notFound = () =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: 'There is no such file in a SCORM package you may open.',
  });

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Serves the files of unpacked packages to those who may play or preview them. */
@Injectable()
export class PackageFilesService {
  constructor(
    private readonly storage: ScormStorage,
    private readonly access: PackageAccess,
  ) {}

  async serve(
    packageId: string,
    request: FastifyRequest,
    reply: FastifyReply,
    auth: AuthContext,
  ): Promise<void> {
    // The raw path, decoded here segment by segment (never twice): see packageFilePath.
    const url = request.url.split('?')[0]!;
    const marker = '/files/';
    const encoded = url.slice(url.indexOf(marker, url.indexOf(packageId)) + marker.length);
    const path = packageFilePath(this.storage.folderOf(packageId.toLowerCase()), encoded);
    if (!(await this.access.mayRead(auth, packageId.toLowerCase()))) throw notFound();
    const file = await stat(path).catch(() => null);
    if (!file?.isFile()) throw notFound();
    const facts: FileFacts = { size: file.size, mtime: file.mtime };

    reply
      .header('cache-control', PACKAGE_FILE_CACHE)
      .header('etag', etagOf(facts))
      .header('last-modified', new Date(Math.floor(file.mtimeMs / 1000) * 1000).toUTCString())
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'SAMEORIGIN')
      .header('content-security-policy', PACKAGE_FILE_CSP)
      .header('accept-ranges', 'bytes');
    const conditions = {
      ifNoneMatch: header(request, 'if-none-match'),
      ifModifiedSince: header(request, 'if-modified-since'),
    };
    if (notModified(conditions, facts)) {
      await reply.status(304).send();
      return;
    }
    reply.type(contentTypeOf(path));
    const range = rangeOf({ range: header(request, 'range'), ifRange: header(request, 'if-range') }, facts);
    if (range.kind === 'unsatisfiable') {
      await reply
        .status(416)
        .header('content-range', `bytes */${facts.size}`)
        .type('text/plain; charset=utf-8')
        .send('');
      return;
    }
    if (range.kind === 'part') {
      await reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${facts.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(createReadStream(path, { start: range.start, end: range.end }));
      return;
    }
    await reply.status(200).header('content-length', String(facts.size)).send(createReadStream(path));
  }
}
