import { useTranslation } from 'react-i18next';

/** An event's details as "name: value" lines rather than raw JSON. */
export function EventDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(details);
  if (entries.length === 0) return <>{t('audit.noDetails')}</>;
  return (
    <dl className="studio-details">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value, null, 1)}</dd>
        </div>
      ))}
    </dl>
  );
}
