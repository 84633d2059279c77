import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { api } from '../../api';
import type { Submit } from '../../data/useSubmit';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CourseDetail, OutlineModule } from '../courseTypes';
import {
  moveActivity,
  moveActivityToModule,
  moveModule,
  placeActivity,
  placeModule,
  type Placement,
} from '../outlineOrder';
import { AddItemForm } from './AddItemForm';
import { ModuleItem } from './ModuleItem';
import { useOutlineChange } from './useOutlineChange';
import { useOutlineDrag, type Dragged, type DropTarget } from './useOutlineDrag';

export interface OutlineEditorProps {
  course: CourseDetail;
  onChange: (course: CourseDetail) => void;
  /** Takes the newer course someone else saved. */
  onReplace: (course: CourseDetail) => void;
  /** An archived course: nothing can be dragged (its controls are disabled by the page). */
  readOnly?: boolean;
}

/** Everything an outline editor can do to a module or an activity, bound to this course. */
export interface OutlineActions {
  moveModule: (module: OutlineModule, by: -1 | 1) => void;
  moveActivity: (activityId: string, by: -1 | 1) => void;
  moveActivityTo: (activityId: string, moduleId: string) => void;
  renameModule: (moduleId: string, title: string) => Promise<boolean>;
  deleteModule: (moduleId: string, submit: Submit) => Promise<boolean>;
  addLesson: (moduleId: string, title: string) => Promise<boolean>;
  addQuiz: (moduleId: string, title: string) => Promise<boolean>;
  addScorm: (moduleId: string, title: string) => Promise<boolean>;
  renameActivity: (activityId: string, title: string) => Promise<boolean>;
  setRequired: (activityId: string, required: boolean) => void;
  deleteActivity: (activityId: string, submit: Submit) => Promise<boolean>;
}

const ADDED = {
  lesson: 'courses.outline.lessonAdded',
  quiz: 'courses.outline.quizAdded',
  scorm: 'scorm.outline.added',
} as const;

/** Additions answer 201 with { id, course }; the typed client also allows the shared 200 shape. */
const courseOfCreated = (created: CourseDetail | { course: CourseDetail }): CourseDetail =>
  'course' in created ? created.course : created;

/**
 * Modules and their activities, changed one step at a time. Reordering works with buttons (no
 * dragging needed) and, for pointers, by drag and drop; each move sends the whole order with the
 * revision and is announced.
 */
export function OutlineEditor({ course, onChange, onReplace, readOnly = false }: OutlineEditorProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { submit, conflict, perform } = useOutlineChange(onChange);
  const id = course.id;
  const same = (detail: CourseDetail) => detail;

  const kindName = (kind: string) => t(`courses.kinds.${kind}`, { defaultValue: kind });
  const findActivity = (modules: OutlineModule[], activityId: string) => {
    for (const module of modules) {
      const activity = module.activities.find((candidate) => candidate.id === activityId);
      if (activity) return { module, activity };
    }
    return undefined;
  };

  const reorder = async (placement: Placement, focusKey?: string) =>
    perform(
      () =>
        api.PUT('/api/studio/courses/{id}/outline', {
          params: { path: { id } },
          body: { revision: course.revision, modules: placement.order.modules },
        }),
      same,
      { focusKey },
    );

  const announceModuleMove = (module: OutlineModule, placement: Placement) =>
    announce(
      t('courses.outline.moduleMoved', {
        title: module.title,
        position: placement.position + 1,
        count: placement.of,
      }),
    );
  const announceActivityMove = (activityId: string, placement: Placement) => {
    const found = findActivity(course.modules, activityId);
    const target = course.modules.find((module) => module.id === placement.moduleId);
    if (!found || !target) return;
    announce(
      t('courses.outline.activityMoved', {
        kind: kindName(found.activity.kind),
        title: found.activity.title,
        position: placement.position + 1,
        module: target.title,
      }),
    );
  };

  /** A drop sends the same whole-order request as the buttons, and is announced the same way. */
  const dropped = (item: Dragged, target: DropTarget) => {
    if (item.kind === 'module') {
      const module = course.modules.find((candidate) => candidate.id === item.id);
      const placement =
        target.side === 'into' ? undefined : placeModule(course.modules, item.id, target.id, target.side);
      if (!module || !placement) return;
      void reorder(placement).then((saved) => saved && announceModuleMove(module, placement));
      return;
    }
    const moduleId =
      target.kind === 'module' ? target.id : findActivity(course.modules, target.id)?.module.id;
    if (!moduleId) return;
    const placement = placeActivity(course.modules, item.id, {
      moduleId,
      activityId: target.kind === 'activity' ? target.id : undefined,
      side: target.side,
    });
    if (!placement) return;
    void reorder(placement).then((saved) => saved && announceActivityMove(item.id, placement));
  };
  const drag = useOutlineDrag(dropped);

  const actions: OutlineActions = {
    moveModule: (module, by) => {
      const placement = moveModule(course.modules, module.id, by);
      if (!placement) {
        announce(
          t(by < 0 ? 'courses.outline.alreadyFirst' : 'courses.outline.alreadyLast', { title: module.title }),
        );
        return;
      }
      void reorder(placement, `module:${module.id}:${by < 0 ? 'up' : 'down'}`).then(
        (saved) => saved && announceModuleMove(module, placement),
      );
    },
    moveActivity: (activityId, by) => {
      const found = findActivity(course.modules, activityId);
      const placement = moveActivity(course.modules, activityId, by);
      if (!found) return;
      if (!placement) {
        const key = by < 0 ? 'courses.outline.alreadyFirst' : 'courses.outline.alreadyLast';
        announce(t(key, { title: found.activity.title }));
        return;
      }
      void reorder(placement, `activity:${activityId}:${by < 0 ? 'up' : 'down'}`).then(
        (saved) => saved && announceActivityMove(activityId, placement),
      );
    },
    moveActivityTo: (activityId, moduleId) => {
      const found = findActivity(course.modules, activityId);
      const placement = moveActivityToModule(course.modules, activityId, moduleId);
      if (!found || !placement) return;
      void reorder(placement, `activity:${activityId}:move-to`).then(
        (saved) => saved && announceActivityMove(activityId, placement),
      );
    },
    renameModule: async (moduleId, title) => {
      const saved = await perform(
        () =>
          api.PATCH('/api/studio/courses/{id}/modules/{moduleId}', {
            params: { path: { id, moduleId } },
            body: { revision: course.revision, title },
          }),
        same,
      );
      if (saved) announce(t('courses.outline.renamed', { title }));
      return saved !== undefined;
    },
    deleteModule: async (moduleId, dialogSubmit) => {
      const title = course.modules.find((module) => module.id === moduleId)?.title ?? '';
      const saved = await perform(
        () =>
          api.DELETE('/api/studio/courses/{id}/modules/{moduleId}', {
            params: { path: { id, moduleId }, query: { revision: course.revision } },
          }),
        same,
        { submit: dialogSubmit, focusKey: 'add-module' },
      );
      if (saved) announce(t('courses.outline.moduleDeleted', { title }));
      return saved !== undefined;
    },
    addLesson: (moduleId, title) => addActivity(moduleId, 'lesson', title),
    addQuiz: (moduleId, title) => addActivity(moduleId, 'quiz', title),
    addScorm: (moduleId, title) => addActivity(moduleId, 'scorm', title),
    renameActivity: async (activityId, title) => {
      const saved = await perform(
        () =>
          api.PATCH('/api/studio/courses/{id}/activities/{activityId}', {
            params: { path: { id, activityId } },
            body: { revision: course.revision, title },
          }),
        same,
      );
      if (saved) announce(t('courses.outline.renamed', { title }));
      return saved !== undefined;
    },
    setRequired: (activityId, required) => {
      const title = findActivity(course.modules, activityId)?.activity.title ?? '';
      void perform(
        () =>
          api.PATCH('/api/studio/courses/{id}/activities/{activityId}', {
            params: { path: { id, activityId } },
            body: { revision: course.revision, required },
          }),
        same,
        { focusKey: `activity:${activityId}:required` },
      ).then((saved) => {
        if (saved) {
          announce(t(required ? 'courses.outline.nowRequired' : 'courses.outline.nowOptional', { title }));
        }
      });
    },
    deleteActivity: async (activityId, dialogSubmit) => {
      const found = findActivity(course.modules, activityId);
      const saved = await perform(
        () =>
          api.DELETE('/api/studio/courses/{id}/activities/{activityId}', {
            params: { path: { id, activityId }, query: { revision: course.revision } },
          }),
        same,
        { submit: dialogSubmit, focusKey: found ? `module:${found.module.id}:add` : undefined },
      );
      if (saved) announce(t('courses.outline.activityDeleted', { title: found?.activity.title ?? '' }));
      return saved !== undefined;
    },
  };

  /** Adds a lesson, a quiz or a SCORM package (each kind's content starts empty) at the end of the module. */
  async function addActivity(moduleId: string, kind: 'lesson' | 'quiz' | 'scorm', title: string) {
    const saved = await perform(
      () =>
        api.POST('/api/studio/courses/{id}/modules/{moduleId}/activities', {
          params: { path: { id, moduleId } },
          body: { revision: course.revision, kind, title, required: true },
        }),
      courseOfCreated,
    );
    if (saved) announce(t(ADDED[kind], { title }));
    return saved !== undefined;
  }

  const addModule = async (title: string) => {
    const saved = await perform(
      () =>
        api.POST('/api/studio/courses/{id}/modules', {
          params: { path: { id } },
          body: { revision: course.revision, title },
        }),
      courseOfCreated,
    );
    if (saved) announce(t('courses.outline.moduleAdded', { title }));
    return saved !== undefined;
  };

  return (
    <section className="studio-section" aria-labelledby="course-outline-heading">
      <h2 id="course-outline-heading">{t('courses.outline.title')}</h2>
      <p>{t('courses.outline.intro')}</p>
      {conflict ? (
        <div className="arch-alert" role="alert">
          <h3>{t('courses.outline.conflictTitle')}</h3>
          <p>{t('courses.outline.conflictBody')}</p>
          <Button onClick={() => onReplace(conflict)}>{t('courses.outline.conflictReload')}</Button>
        </div>
      ) : submit.problem ? (
        <ProblemAlert
          key={submit.failures}
          problem={submit.problem}
          title={t('courses.outline.failed')}
          headingLevel={3}
        />
      ) : null}
      {course.modules.length === 0 ? (
        <p>{t('courses.outline.noModules')}</p>
      ) : (
        <ol className="studio-outline">
          {course.modules.map((module, index) => (
            <ModuleItem
              key={module.id}
              module={module}
              index={index}
              modules={course.modules}
              actions={actions}
              drag={readOnly ? null : drag}
            />
          ))}
        </ol>
      )}
      <div id="course-add-module" data-focus="add-module" tabIndex={-1}>
        <AddItemForm
          fieldLabel={t('courses.outline.newModule')}
          buttonText={t('courses.outline.addModule')}
          onAdd={addModule}
        />
      </div>
    </section>
  );
}
