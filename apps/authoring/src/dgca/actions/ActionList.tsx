import { useTranslation } from 'react-i18next';
import { Button, Table, VisuallyHidden } from '@archipelago/ui';
import type { ActionView } from './actionTypes';
import type { ActionWords } from './useActionWords';

export interface ActionHandlers {
  onEdit: (action: ActionView) => void;
  onProgress: (action: ActionView) => void;
  onDelete: (action: ActionView) => void;
}

/** The plan as a table with every field, and each action's edit, progress and delete buttons. */
export function ActionList({
  actions,
  words,
  caption,
  ...handlers
}: { actions: ActionView[]; words: ActionWords; caption: string } & ActionHandlers) {
  const { t } = useTranslation();
  const text = (value: string) => words.orNone(value);
  return (
    <Table<ActionView>
      caption={caption}
      rows={actions}
      rowKey={(action) => action.id}
      columns={[
        {
          key: 'title',
          header: t('dgcaActions:list.columns.title'),
          render: (a) => (
            <>
              {a.title}
              {a.description ? <span className="action-list__description">{a.description}</span> : null}
            </>
          ),
        },
        {
          key: 'manage',
          header: t('dgcaActions:list.columns.manage'),
          render: (a) => (
            <div className="action-buttons">
              <Button variant="secondary" onClick={() => handlers.onEdit(a)}>
                {t('dgcaActions:list.edit')}
                <VisuallyHidden> {a.title}</VisuallyHidden>
              </Button>
              <Button variant="secondary" onClick={() => handlers.onProgress(a)}>
                {t('dgcaActions:list.progress')}
                <VisuallyHidden> {a.title}</VisuallyHidden>
              </Button>
              <Button variant="danger" onClick={() => handlers.onDelete(a)}>
                {t('dgcaActions:list.delete')}
                <VisuallyHidden> {a.title}</VisuallyHidden>
              </Button>
            </div>
          ),
        },
        { key: 'dimension', header: t('dgcaActions:list.columns.dimension'), render: (a) => a.dimensionName },
        { key: 'owner', header: t('dgcaActions:list.columns.owner'), render: (a) => text(a.owner) },
        { key: 'period', header: t('dgcaActions:list.columns.period'), render: (a) => words.period(a) },
        {
          key: 'priority',
          header: t('dgcaActions:list.columns.priority'),
          render: (a) => (
            <>
              <span className={`action-band action-band--${a.priority.band}`}>{words.priority(a)}</span>
              <br />
              {t('dgcaActions:list.impactAndFeasibility', {
                impact: words.level(a.impact),
                feasibility: words.level(a.feasibility),
              })}
            </>
          ),
        },
        {
          key: 'status',
          header: t('dgcaActions:list.columns.status'),
          render: (a) => words.status(a.status),
        },
        {
          key: 'progress',
          header: t('dgcaActions:list.columns.progress'),
          render: (a) => words.progress(a.progress),
        },
        {
          key: 'indicator',
          header: t('dgcaActions:list.columns.indicator'),
          render: (a) => (
            <>
              {text(a.indicator)}
              <br />
              {t('dgcaActions:list.target', { target: text(a.target) })}
            </>
          ),
        },
        {
          key: 'resources',
          header: t('dgcaActions:list.columns.resources'),
          render: (a) => text(a.resources),
        },
        {
          key: 'latest',
          header: t('dgcaActions:list.columns.latest'),
          render: (a) =>
            a.updates[0]
              ? t('dgcaActions:list.latest', {
                  time: words.instant(a.updates[0].createdAt),
                  comment: a.updates[0].comment,
                })
              : t('dgcaActions:log.none'),
        },
      ]}
    />
  );
}
