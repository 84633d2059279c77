import type { Problem } from '../data/problem';
import { BODY_ID } from './BodyField';
import { LOGO_UPLOAD_ID } from './LogosField';
import { signatoryFieldId } from './SignatoriesFields';
import { MAX_SIGNATORIES } from './certificateTypes';

export const TITLE_ID = 'certificate-template-title';
export const LANGUAGE_ID = 'certificate-template-language';
export const ORIENTATION_ID = 'certificate-template-orientation-landscape';

/** Request field → the control that edits it, for the error summary's links. */
export const TEMPLATE_FIELD_IDS: Record<string, string> = {
  title: TITLE_ID,
  body: BODY_ID,
  language: LANGUAGE_ID,
  orientation: ORIENTATION_ID,
  logoFileIds: LOGO_UPLOAD_ID,
  signatories: 'certificate-signatory-add',
  ...Object.fromEntries(
    Array.from({ length: MAX_SIGNATORIES }, (_, index) => [
      [`signatories.${index}.name`, signatoryFieldId(index, 'name')],
      [`signatories.${index}.title`, signatoryFieldId(index, 'title')],
      [`signatories.${index}.signatureFileId`, signatoryFieldId(index, 'signature')],
      [`signatories.${index}`, signatoryFieldId(index, 'name')],
    ]).flat(),
  ),
};

/**
 * The problem with its field names written one way: validators name array members either
 * `signatories[0].name` or `signatories.0.name`, and logo problems `logoFileIds.1`.
 */
export function normaliseFields(problem: Problem | null): Problem | null {
  if (!problem) return null;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const field = error.field.replace(/\[(\d+)\]/g, '.$1');
      return { ...error, field: /^logoFileIds\.\d+$/.test(field) ? 'logoFileIds' : field };
    }),
  };
}
