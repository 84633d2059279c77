import { useTranslation } from 'react-i18next';
import type { OutlineModule } from '../courseTypes';
import { moduleTargetId } from '../publishing/publishProblems';
import { ActivityItem } from './ActivityItem';
import { AddItemForm } from './AddItemForm';
import { DeleteControl } from './DeleteControl';
import { DragHandle } from './DragHandle';
import { dropClass } from './dropClass';
import { MoveButtons } from './MoveButtons';
import type { OutlineActions } from './OutlineEditor';
import type { OutlineDrag } from './useOutlineDrag';
import { RenameControl } from './RenameControl';

export interface ModuleItemProps {
  module: OutlineModule;
  index: number;
  modules: OutlineModule[];
  actions: OutlineActions;
  /** Drag and drop, unless the outline is read-only. */
  drag: OutlineDrag | null;
}

/** One module: its title and controls, its activities in order, "Add lesson", "Add quiz" and "Add SCORM package". */
export function ModuleItem({ module, index, modules, actions, drag }: ModuleItemProps) {
  const { t } = useTranslation();
  // The publishing problem list links here, so the heading can take focus.
  const headingId = moduleTargetId(module.id);
  const title = module.title;
  return (
    <li
      className={dropClass('studio-outline__module', drag, module.id)}
      aria-labelledby={headingId}
      data-module-id={module.id}
      {...drag?.dropZone({ kind: 'module', id: module.id })}
    >
      <div className="studio-outline__module-head">
        {drag ? <DragHandle item={{ kind: 'module', id: module.id }} title={title} drag={drag} /> : null}
        <h3 id={headingId} tabIndex={-1}>
          {t('courses.outline.moduleHeading', { number: index + 1, title })}
        </h3>
      </div>
      <div className="studio-outline__controls">
        <MoveButtons
          focusPrefix={`module:${module.id}`}
          title={title}
          isFirst={index === 0}
          isLast={index === modules.length - 1}
          onMove={(by) => actions.moveModule(module, by)}
        />
        <RenameControl
          title={title}
          buttonLabel={t('courses.outline.renameLabel', { title })}
          fieldLabel={t('courses.outline.moduleTitle')}
          onRename={(newTitle) => actions.renameModule(module.id, newTitle)}
        />
        <DeleteControl
          buttonLabel={t('courses.outline.deleteLabel', { title })}
          dialogTitle={t('courses.outline.deleteModuleTitle', { title })}
          onDelete={(submit) => actions.deleteModule(module.id, submit)}
        >
          <p>{t('courses.outline.deleteModuleBody')}</p>
        </DeleteControl>
      </div>
      {module.activities.length === 0 ? (
        <p>{t('courses.outline.noActivities')}</p>
      ) : (
        <ol className="studio-outline__activities">
          {module.activities.map((activity, position) => (
            <ActivityItem
              key={activity.id}
              activity={activity}
              position={position}
              module={module}
              modules={modules}
              actions={actions}
              drag={drag}
            />
          ))}
        </ol>
      )}
      <div data-focus={`module:${module.id}:add`} tabIndex={-1}>
        <AddItemForm
          fieldLabel={t('courses.outline.newLesson', { module: title })}
          buttonText={t('courses.outline.addLesson')}
          buttonLabel={t('courses.outline.addLessonLabel', { module: title })}
          onAdd={(lessonTitle) => actions.addLesson(module.id, lessonTitle)}
        />
        <AddItemForm
          fieldLabel={t('courses.outline.newQuiz', { module: title })}
          buttonText={t('courses.outline.addQuiz')}
          buttonLabel={t('courses.outline.addQuizLabel', { module: title })}
          onAdd={(quizTitle) => actions.addQuiz(module.id, quizTitle)}
        />
        <AddItemForm
          fieldLabel={t('scorm.outline.newTitle', { module: title })}
          buttonText={t('scorm.outline.add')}
          buttonLabel={t('scorm.outline.addLabel', { module: title })}
          onAdd={(scormTitle) => actions.addScorm(module.id, scormTitle)}
        />
      </div>
    </li>
  );
}
