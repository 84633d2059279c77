import { useTranslation } from 'react-i18next';
import type { ResultsView } from './resultsTypes';
import type { ResultsWords } from './useResultsWords';

/**
 * Where the team is strongest and weakest, and the course modules recommended for the weakest
 * dimensions. Modules open in the learner app, where the team will take them.
 */
export function StrengthsAndGaps({ results, words }: { results: ResultsView; words: ResultsWords }) {
  const { t } = useTranslation();
  const byKey = new Map(results.dimensions.map((dimension) => [dimension.key, dimension]));
  const named = (keys: string[]) =>
    keys.flatMap((key) => {
      const dimension = byKey.get(key);
      return dimension ? [dimension] : [];
    });
  const strengths = named(results.strengths);
  const gaps = named(results.gaps);
  const recommended = recommendedDimensions(
    results,
    gaps.map((dimension) => dimension.key),
  );

  return (
    <section className="studio-section" aria-labelledby="dgca-strengths-heading">
      <h2 id="dgca-strengths-heading">{t('dgcaResults:strengths.heading')}</h2>
      <div className="dgca-columns">
        <div>
          <h3>{t('dgcaResults:strengths.strengths')}</h3>
          {strengths.length === 0 ? (
            <p>{t('dgcaResults:strengths.noStrengths')}</p>
          ) : (
            <ul>
              {strengths.map((dimension) => (
                <li key={dimension.key}>
                  {t('dgcaResults:strengths.item', {
                    name: dimension.name,
                    score: words.score(dimension.score),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('dgcaResults:strengths.gaps')}</h3>
          {gaps.length === 0 ? (
            <p>{t('dgcaResults:strengths.noGaps')}</p>
          ) : (
            <ol>
              {gaps.map((dimension) => (
                <li key={dimension.key}>
                  {t('dgcaResults:strengths.item', {
                    name: dimension.name,
                    score: words.score(dimension.score),
                  })}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      <h3>{t('dgcaResults:recommendations.heading')}</h3>
      {results.recommendations.length === 0 ? (
        <p>{t('dgcaResults:recommendations.none')}</p>
      ) : (
        <>
          <p>{t('dgcaResults:recommendations.intro')}</p>
          {recommended.map((dimension) => (
            <div key={dimension.key}>
              <h4>{dimension.name}</h4>
              <ul>
                {results.recommendations
                  .filter((entry) => entry.dimensionKey === dimension.key)
                  .map((entry) => (
                    <li key={`${entry.courseId}|${entry.moduleId ?? ''}`}>
                      {/* The learner app, on the same origin: a plain link, not the Studio's router. */}
                      <a href={`/courses/${encodeURIComponent(entry.courseSlug)}`}>
                        {entry.moduleTitle
                          ? t('dgcaResults:recommendations.module', {
                              module: entry.moduleTitle,
                              course: entry.courseTitle,
                            })
                          : entry.courseTitle}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** The dimensions that have recommendations, weakest first (in the order of the gaps). */
function recommendedDimensions(results: ResultsView, gapKeys: string[]) {
  const keys = [...new Set(results.recommendations.map((entry) => entry.dimensionKey))];
  const rank = (key: string) => (gapKeys.includes(key) ? gapKeys.indexOf(key) : gapKeys.length);
  keys.sort((a, b) => rank(a) - rank(b));
  return keys.map((key) => ({
    key,
    name: results.dimensions.find((dimension) => dimension.key === key)?.name ?? key,
  }));
}
