import { useTranslation } from 'react-i18next';

export interface SkeletonProps {
  lines?: number;
  /** What is loading, for screen readers; defaults to "Loading…". */
  label?: string;
}

/** Placeholder while content loads: the shapes are hidden from assistive technology, the words are not. */
export function Skeleton({ lines = 3, label }: SkeletonProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="arch-skeleton">
      <span className="arch-visually-hidden" role="status">
        {label ?? t('loading')}
      </span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="arch-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
