import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OutlineActivity, OutlineModule } from '../courseTypes';
import { activityTargetId } from '../publishing/publishProblems';
import { DeleteControl } from './DeleteControl';
import { DragHandle } from './DragHandle';
import { dropClass } from './dropClass';
import { MoveButtons } from './MoveButtons';
import type { OutlineActions } from './OutlineEditor';
import type { OutlineDrag } from './useOutlineDrag';
import { RenameControl } from './RenameControl';

export interface ActivityItemProps {
  activity: OutlineActivity;
  position: number;
  module: OutlineModule;
  modules: OutlineModule[];
  actions: OutlineActions;
  /** Drag and drop, unless the outline is read-only. */
  drag: OutlineDrag | null;
}

/** Where each kind's content is edited. */
const EDITOR_PATHS: Partial<Record<string, string>> = { lesson: 'lessons', quiz: 'quizzes', scorm: 'scorm' };

/** One activity: title, kind, required or optional, and its controls. */
export function ActivityItem({ activity, position, module, modules, actions, drag }: ActivityItemProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const title = activity.title;
  const others = modules.filter((candidate) => candidate.id !== module.id);
  const focus = `activity:${activity.id}`;

  return (
    <li
      className={dropClass('studio-outline__activity', drag, activity.id)}
      data-activity-id={activity.id}
      {...drag?.dropZone({ kind: 'activity', id: activity.id })}
    >
      <p className="studio-outline__activity-title" id={activityTargetId(activity.id)} tabIndex={-1}>
        {drag ? <DragHandle item={{ kind: 'activity', id: activity.id }} title={title} drag={drag} /> : null}
        <strong>{title}</strong>{' '}
        <span>
          {t('courses.outline.activityFacts', {
            kind: t(`courses.kinds.${activity.kind}`, { defaultValue: activity.kind }),
            requirement: activity.required ? t('courses.outline.required') : t('courses.outline.optional'),
          })}
        </span>
      </p>
      <div className="studio-outline__controls">
        {EDITOR_PATHS[activity.kind] ? (
          <Link
            to={`/${EDITOR_PATHS[activity.kind]}/${activity.id}`}
            aria-label={t('courses.outline.editContentLabel', { title })}
          >
            {t('courses.outline.editContent')}
          </Link>
        ) : null}
        <label className="studio-outline__required">
          <input
            type="checkbox"
            data-focus={`${focus}:required`}
            checked={activity.required}
            onChange={(event) => actions.setRequired(activity.id, event.target.checked)}
          />{' '}
          {t('courses.outline.requiredLabel', { title })}
        </label>
        <MoveButtons
          focusPrefix={focus}
          title={title}
          isFirst={position === 0}
          isLast={position === module.activities.length - 1}
          onMove={(by) => actions.moveActivity(activity.id, by)}
        />
        {others.length > 0 ? (
          <form
            className="studio-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const target = String(new FormData(event.currentTarget).get('module') ?? '');
              actions.moveActivityTo(activity.id, target);
            }}
          >
            <label htmlFor={selectId}>{t('courses.outline.moveToLabel', { title })}</label>
            <select id={selectId} className="arch-input" name="module" defaultValue={others[0]!.id}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.title}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="arch-button arch-button--secondary"
              data-focus={`${focus}:move-to`}
              aria-label={t('courses.outline.moveToButtonLabel', { title })}
            >
              {t('courses.outline.moveToButton')}
            </button>
          </form>
        ) : null}
        <RenameControl
          title={title}
          buttonLabel={t('courses.outline.renameLabel', { title })}
          fieldLabel={t('courses.outline.activityTitle')}
          onRename={(newTitle) => actions.renameActivity(activity.id, newTitle)}
        />
        <DeleteControl
          buttonLabel={t('courses.outline.deleteLabel', { title })}
          dialogTitle={t('courses.outline.deleteActivityTitle', { title })}
          onDelete={(submit) => actions.deleteActivity(activity.id, submit)}
        >
          <p>{t('courses.outline.deleteActivityBody')}</p>
        </DeleteControl>
      </div>
    </li>
  );
}
