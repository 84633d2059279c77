import { useTranslation } from 'react-i18next';
import type { ActionView, PriorityBand } from './actionTypes';
import type { ActionWords } from './useActionWords';

/** Highest impact on top, easiest to do on the right: the top-right cell holds the first things to do. */
const IMPACT_ROWS = [3, 2, 1] as const;
const FEASIBILITY_COLUMNS = [1, 2, 3] as const;

/** As the API bands an action's impact × do-ability score. */
const bandOf = (score: number): PriorityBand => (score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low');

/** The 3 × 3 impact × do-ability grid, each cell listing its actions with their priority in words. */
export function PriorityMatrix({ actions, words }: { actions: ActionView[]; words: ActionWords }) {
  const { t } = useTranslation();
  return (
    <table className="arch-table action-matrix">
      <caption>{t('dgcaActions:matrix.caption')}</caption>
      <thead>
        <tr>
          <td />
          {FEASIBILITY_COLUMNS.map((feasibility) => (
            <th key={feasibility} scope="col">
              {t('dgcaActions:matrix.feasibility', { level: words.level(feasibility) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {IMPACT_ROWS.map((impact) => (
          <tr key={impact}>
            <th scope="row">{t('dgcaActions:matrix.impact', { level: words.level(impact) })}</th>
            {FEASIBILITY_COLUMNS.map((feasibility) => {
              const here = actions.filter((a) => a.impact === impact && a.feasibility === feasibility);
              const score = impact * feasibility;
              const band = bandOf(score);
              return (
                <td key={feasibility} className={`action-matrix__cell action-matrix__cell--${band}`}>
                  <p className="action-matrix__band">{words.priority({ priority: { score, band } })}</p>
                  {here.length === 0 ? (
                    <p className="action-matrix__empty">{t('dgcaActions:matrix.empty')}</p>
                  ) : (
                    <ul>
                      {here.map((action) => (
                        <li key={action.id}>
                          {t('dgcaActions:matrix.item', {
                            title: action.title,
                            status: words.status(action.status),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
