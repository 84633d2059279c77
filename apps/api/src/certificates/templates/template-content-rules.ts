import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';
import { FilesService } from '../../files/files.service.js';
import type { TemplateContent } from './certificate-template.js';
import type { CourseFacts } from './course-facts.js';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders.js';

/** The image types a PDF can embed as they are. */
export const CERTIFICATE_IMAGE_TYPES = ['image/png', 'image/jpeg'];

/**
 * What the DTO's decorators cannot see: placeholders that do not exist, and images that are not
 * PNG or JPEG files uploaded for the course's institution (anything else could leak another
 * institution's files into a PDF, or fail to draw). 400 naming each field at fault.
 */
@Injectable()
export class TemplateContentRules {
  constructor(private readonly files: FilesService) {}

  async check(content: TemplateContent, course: CourseFacts): Promise<void> {
    const errors: FieldError[] = [];
    for (const field of ['title', 'body'] as const) {
      for (const name of unknownPlaceholders(content[field])) {
        errors.push({
          field,
          in: 'body',
          message:
            `{{${name}}} is not a placeholder; use one of ` + PLACEHOLDERS.map((p) => `{{${p}}}`).join(', '),
        });
      }
    }
    const images = [
      ...content.logoFileIds.map((id, i) => ({ field: `logoFileIds.${i}`, id })),
      ...content.signatories.flatMap((s, i) =>
        s.signatureFileId ? [{ field: `signatories.${i}.signatureFileId`, id: s.signatureFileId }] : [],
      ),
    ];
    for (const image of images) {
      const file = await this.files.facts(image.id);
      if (!file || file.institutionId !== course.institutionId) {
        errors.push({
          field: image.field,
          in: 'body',
          message: `There is no file ${image.id} uploaded for this course's institution`,
        });
      } else if (!CERTIFICATE_IMAGE_TYPES.includes(file.mediaType)) {
        errors.push({
          field: image.field,
          in: 'body',
          message: `File ${image.id} is ${file.mediaType}; a certificate image must be PNG or JPEG`,
        });
      }
    }
    if (errors.length > 0) {
      throw new ProblemException({
        status: 400,
        type: ProblemType.ValidationFailed,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      });
    }
  }
}
