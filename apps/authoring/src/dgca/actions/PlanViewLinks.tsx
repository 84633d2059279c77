import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VIEWS, type PlanView } from './actionTypes';

/** List, roadmap or matrix: links that keep the filters, so each view can be bookmarked and shared. */
export function PlanViewLinks({ current }: { current: PlanView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const targetOf = (view: PlanView) => {
    const next = new URLSearchParams(params);
    if (view === 'list') next.delete('view');
    else next.set('view', view);
    const query = next.toString();
    return { search: query ? `?${query}` : '' };
  };
  return (
    <nav aria-label={t('dgcaActions:views.label')} className="action-views">
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <Link to={targetOf(view)} aria-current={view === current ? 'page' : undefined}>
              {t(`dgcaActions:views.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
