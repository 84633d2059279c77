import { Fragment } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assessmentPaths, type ResultsView } from './assessments-api';
import { useScoreFormat } from './score-format';

/** The strongest and weakest dimensions, and the courses recommended for the weak ones. */
export function StrengthsAndGaps({ results }: { results: ResultsView }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const byKey = new Map(results.dimensions.map((dimension) => [dimension.key, dimension]));
  const describe = (key: string) => {
    const dimension = byKey.get(key);
    if (!dimension) return key;
    return dimension.score === null
      ? dimension.name
      : t('assessments:strengths.withScore', { name: dimension.name, score: format.score(dimension.score) });
  };

  // Recommendations under the gap they serve, weakest dimension first (the order of `gaps`).
  const order = [...results.gaps, ...results.recommendations.map((entry) => entry.dimensionKey)];
  const groups = [...new Set(order)]
    .map((key) => ({
      key,
      name: byKey.get(key)?.name ?? key,
      items: results.recommendations.filter((entry) => entry.dimensionKey === key),
    }))
    .filter((group) => group.items.length > 0);

  return (
    <>
      <section aria-labelledby="strengths-heading">
        <h2 id="strengths-heading">{t('assessments:strengths.title')}</h2>
        {results.strengths.length > 0 ? (
          <ul>
            {results.strengths.map((key) => (
              <li key={key}>{describe(key)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('assessments:strengths.none')}</p>
        )}
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t('assessments:gaps.title')}</h2>
        {results.gaps.length > 0 ? (
          <ul>
            {results.gaps.map((key) => (
              <li key={key}>{describe(key)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('assessments:gaps.none')}</p>
        )}
      </section>
      <section aria-labelledby="recommended-heading">
        <h2 id="recommended-heading">{t('assessments:recommended.title')}</h2>
        {results.recommendations.length > 0 ? (
          <>
            <p>{t('assessments:recommended.intro')}</p>
            {groups.map(({ key, name, items }) => (
              <Fragment key={key}>
                <h3>{name}</h3>
                <ul className="recommended-list">
                  {items.map((recommendation) => (
                    <li key={`${recommendation.courseId}|${recommendation.moduleId ?? ''}`}>
                      <Link to={assessmentPaths.course(recommendation.courseSlug)}>
                        {recommendation.courseTitle}
                      </Link>
                      {recommendation.moduleTitle
                        ? ` — ${t('assessments:recommended.module', { title: recommendation.moduleTitle })}`
                        : null}
                    </li>
                  ))}
                </ul>
              </Fragment>
            ))}
          </>
        ) : (
          <p>{t('assessments:recommended.none')}</p>
        )}
      </section>
    </>
  );
}
