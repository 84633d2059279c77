import { useTranslation } from 'react-i18next';
import type { ActionView, PlanDimension } from './actionTypes';
import { partOf, quartersCovering, spanOf } from './quarters';
import type { ActionWords } from './useActionWords';

/**
 * The plan by calendar quarter: a row per action, grouped by dimension, a column per quarter from
 * the earliest start to the latest end. The bar is drawn by the cells' shading and said in their
 * words ("Starts", "Continues", "Ends"), so it does not rest on colour.
 */
export function ActionRoadmap({
  actions,
  dimensions,
  words,
}: {
  actions: ActionView[];
  dimensions: PlanDimension[];
  words: ActionWords;
}) {
  const { t } = useTranslation();
  const quarters = quartersCovering(actions);
  const dated = actions.filter((action) => spanOf(action) !== null);
  const undated = actions.filter((action) => spanOf(action) === null);
  const groups = dimensions
    .map((dimension) => ({ dimension, actions: dated.filter((a) => a.dimensionKey === dimension.key) }))
    .filter((group) => group.actions.length > 0);

  return (
    <>
      {quarters.length === 0 ? (
        <p>{t('dgcaActions:roadmap.noDates')}</p>
      ) : (
        <div
          className="arch-table-wrapper"
          // Scrolls sideways when there are many quarters; focusable so the keyboard can scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={t('dgcaActions:roadmap.caption')}
        >
          <table className="arch-table action-roadmap">
            <caption>{t('dgcaActions:roadmap.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dgcaActions:roadmap.action')}</th>
                {quarters.map((quarter) => (
                  <th key={quarter.index} scope="col">
                    {words.quarter(quarter)}
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map(({ dimension, actions: inGroup }) => (
              <tbody key={dimension.key}>
                <tr>
                  <th scope="rowgroup" colSpan={quarters.length + 1} className="action-roadmap__group">
                    {dimension.name}
                  </th>
                </tr>
                {inGroup.map((action) => {
                  const span = spanOf(action);
                  return (
                    <tr key={action.id}>
                      <th scope="row">
                        {action.title}
                        <span className="action-roadmap__period">{words.period(action)}</span>
                      </th>
                      {quarters.map((quarter) => {
                        const part = partOf(span, quarter.index);
                        return (
                          <td
                            key={quarter.index}
                            className={part ? `action-roadmap__bar action-roadmap__bar--${part}` : undefined}
                          >
                            {part ? t(`dgcaActions:roadmap.part.${part}`) : null}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {undated.length > 0 ? (
        <>
          <h3>{t('dgcaActions:roadmap.undatedTitle')}</h3>
          <ul>
            {undated.map((action) => (
              <li key={action.id}>
                {t('dgcaActions:roadmap.undatedItem', {
                  title: action.title,
                  dimension: action.dimensionName,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
