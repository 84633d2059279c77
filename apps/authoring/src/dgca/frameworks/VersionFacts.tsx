import { useTranslation } from 'react-i18next';
import { Table } from '@archipelago/ui';
import type { Recommendation, ScaleLevel, VersionView } from './frameworkTypes';

/** A published version as it is, frozen: its scale, dimensions, statements and recommendations. */
export function VersionFacts({ version }: { version: VersionView }) {
  const { t } = useTranslation();
  const describe = (r: Recommendation) =>
    r.moduleTitle
      ? t('dgca:editor.recommendations.module', { course: r.courseTitle, module: r.moduleTitle })
      : t('dgca:editor.recommendations.course', { course: r.courseTitle });
  return (
    <>
      <p>{t('dgca:version.language', { language: t(`dgca:languages.${version.language}`) })}</p>
      <section className="studio-section" aria-labelledby="dgca-version-scale">
        <h2 id="dgca-version-scale">{t('dgca:editor.scale.title')}</h2>
        <Table<ScaleLevel>
          caption={t('dgca:version.scaleCaption')}
          rows={version.scale}
          rowKey={(level) => level.value}
          columns={[
            { key: 'value', header: t('dgca:editor.scale.value'), render: (level) => level.value },
            { key: 'label', header: t('dgca:editor.scale.label'), render: (level) => level.label },
            {
              key: 'description',
              header: t('dgca:editor.scale.description'),
              render: (level) => level.description ?? '',
            },
          ]}
        />
        <p>{t('dgca:version.dontKnow')}</p>
      </section>
      <section className="studio-section" aria-labelledby="dgca-version-dimensions">
        <h2 id="dgca-version-dimensions">{t('dgca:editor.dimensions.title')}</h2>
        {version.dimensions.map((dimension) => (
          <section
            key={dimension.id}
            className="dgca-dimension"
            aria-labelledby={`dgca-facts-${dimension.id}`}
          >
            <h3 id={`dgca-facts-${dimension.id}`}>{dimension.name}</h3>
            <p className="dgca-key">{t('dgca:version.key', { key: dimension.key })}</p>
            {dimension.description ? <p>{dimension.description}</p> : null}
            <ol>
              {dimension.statements.map((statement) => (
                <li key={statement.id}>
                  <p>{statement.text}</p>
                  {statement.guidance ? <p className="arch-field__hint">{statement.guidance}</p> : null}
                </li>
              ))}
            </ol>
            <h4>{t('dgca:editor.recommendations.title')}</h4>
            {dimension.recommendations.length === 0 ? (
              <p>{t('dgca:editor.recommendations.none')}</p>
            ) : (
              <ul>
                {dimension.recommendations.map((r) => (
                  <li key={`${r.courseId}:${r.moduleId ?? ''}`}>{describe(r)}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </section>
    </>
  );
}
