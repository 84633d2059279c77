import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeLabels } from './nodes';

/** The words custom nodes show inside the editor and preview, in the author's language. */
export function useNodeLabels(): NodeLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      reflection: t('lessonEditor.nodes.reflection'),
      caseStudy: t('lessonEditor.nodes.caseStudy'),
      video: t('lessonEditor.nodes.video'),
      transcript: t('lessonEditor.nodes.transcript'),
      callout: {
        note: t('lessonEditor.callout.variants.note'),
        tip: t('lessonEditor.callout.variants.tip'),
        warning: t('lessonEditor.callout.variants.warning'),
      },
    }),
    [t],
  );
}
