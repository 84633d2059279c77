import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { UploadFailure } from './uploadFile';

/** Turns a refused upload into one sentence in the author's language, with the limit when known. */
export function useUploadMessage(): (failure: UploadFailure) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return useCallback(
    (failure: UploadFailure) => {
      if (failure.kind === 'tooLarge') {
        const kind = failure.mediaType === 'application/pdf' ? 'pdf' : 'image';
        if (failure.limitBytes === undefined) return t('files.errors.tooLargeUnknown');
        const limit = format.number(failure.limitBytes / (1024 * 1024), {
          style: 'unit',
          unit: 'megabyte',
          maximumFractionDigits: 1,
        });
        return t(`files.errors.tooLarge.${kind}`, { limit });
      }
      if (failure.kind === 'unsupported') return t('files.errors.unsupported');
      if (failure.status === null) return t('files.errors.unreachable');
      if (failure.status === 401) return t('files.errors.signedOut');
      if (failure.status === 403) return t('files.errors.forbidden');
      return t('files.errors.failed');
    },
    [t, format],
  );
}
