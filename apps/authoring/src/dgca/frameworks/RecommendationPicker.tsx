import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Skeleton, VisuallyHidden, useAnnounce } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getCourse } from './frameworks-api';
import type { Recommendation } from './frameworkTypes';

export interface CourseChoice {
  id: string;
  slug: string;
  title: string;
}

export interface RecommendationPickerProps {
  /** The dimension's uid: ids of the controls and the focus target after changes. */
  uid: string;
  dimensionName: string;
  recommendations: Recommendation[];
  onChange: (recommendations: Recommendation[]) => void;
  /** Undefined while loading; null when the courses could not be read. */
  courses: CourseChoice[] | null | undefined;
  error?: string;
  focusLater: (id: string) => void;
}

const sameTarget = (a: Recommendation, b: Recommendation) =>
  a.courseId === b.courseId && (a.moduleId ?? null) === (b.moduleId ?? null);

/**
 * The course modules (or whole courses) a dimension recommends: the results page lists them for
 * the dimensions that come out weakest. A course is chosen first, then one of its modules.
 */
export function RecommendationPicker(props: RecommendationPickerProps) {
  const { uid, dimensionName, recommendations, onChange, courses, error, focusLater } = props;
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [courseId, setCourseId] = useState('');
  const [moduleId, setModuleId] = useState('');
  const listId = `dgca-dimension-${uid}-recommendations`;
  const courseFieldId = `dgca-dimension-${uid}-course`;

  const course = courses?.find((c) => c.id === courseId);
  const { state: modules, reload } = useApiData(`course-modules:${courseId}`, (signal) =>
    courseId
      ? getCourse(courseId, signal)
      : Promise.resolve({ data: undefined, error: undefined, response: new Response(null, { status: 204 }) }),
  );
  const moduleList = courseId && modules.status === 'ready' && modules.data ? modules.data.modules : [];

  const add = () => {
    if (!course) {
      announce(t('dgca:editor.recommendations.chooseFirst'));
      document.getElementById(courseFieldId)?.focus();
      return;
    }
    const module = moduleList.find((m) => m.id === moduleId);
    const next: Recommendation = {
      courseId: course.id,
      courseSlug: course.slug,
      courseTitle: course.title,
      moduleId: module?.id ?? null,
      moduleTitle: module?.title ?? null,
    };
    if (recommendations.some((r) => sameTarget(r, next))) {
      announce(t('dgca:editor.recommendations.already'));
      return;
    }
    onChange([...recommendations, next]);
    announce(t('dgca:editor.recommendations.added', { name: describe(next), dimension: dimensionName }));
    setModuleId('');
  };

  const remove = (index: number) => {
    const removed = recommendations[index]!;
    onChange(recommendations.filter((_, i) => i !== index));
    announce(t('dgca:editor.recommendations.removed', { name: describe(removed) }));
    focusLater(courseFieldId);
  };

  const describe = (r: Recommendation) =>
    r.moduleTitle
      ? t('dgca:editor.recommendations.module', { course: r.courseTitle, module: r.moduleTitle })
      : t('dgca:editor.recommendations.course', { course: r.courseTitle });

  return (
    <fieldset id={listId} tabIndex={-1} className="studio-fieldset">
      <legend>{t('dgca:editor.recommendations.title')}</legend>
      <p className="arch-field__hint">{t('dgca:editor.recommendations.hint')}</p>
      {error ? <p className="arch-field__error">{error}</p> : null}
      {recommendations.length === 0 ? (
        <p>{t('dgca:editor.recommendations.none')}</p>
      ) : (
        <ul className="dgca-list">
          {recommendations.map((r, index) => (
            <li key={`${r.courseId}:${r.moduleId ?? ''}`} className="dgca-recommendation">
              <span>{describe(r)}</span>{' '}
              <Button variant="secondary" onClick={() => remove(index)}>
                {t('dgca:editor.recommendations.remove')}
                <VisuallyHidden>{t('dgca:editor.whom', { name: describe(r) })}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {courses === undefined ? <Skeleton lines={1} label={t('dgca:editor.recommendations.loading')} /> : null}
      {courses === null ? (
        <p className="arch-field__error" role="alert">
          {t('dgca:editor.recommendations.coursesFailed')}
        </p>
      ) : null}
      {courses && courses.length > 0 ? (
        <div className="dgca-row">
          <FormField label={t('dgca:editor.recommendations.courseField')} id={courseFieldId}>
            <select
              className="arch-input"
              value={courseId}
              onChange={(event) => {
                setCourseId(event.target.value);
                setModuleId('');
              }}
            >
              <option value="">{t('dgca:editor.recommendations.chooseCourse')}</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </FormField>
          {courseId && modules.status === 'failed' ? (
            <ProblemAlert
              problem={modules.problem}
              title={t('dgca:editor.recommendations.modulesFailed')}
              onRetry={reload}
              headingLevel={3}
            />
          ) : null}
          {courseId ? (
            <FormField
              label={t('dgca:editor.recommendations.moduleField')}
              id={`dgca-dimension-${uid}-module`}
            >
              <select
                className="arch-input"
                value={moduleId}
                disabled={modules.status === 'loading'}
                onChange={(event) => setModuleId(event.target.value)}
              >
                <option value="">{t('dgca:editor.recommendations.wholeCourse')}</option>
                {moduleList.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
        </div>
      ) : null}
      {courses && courses.length > 0 ? (
        <div className="arch-actions">
          <Button variant="secondary" onClick={add}>
            {t('dgca:editor.recommendations.add')}
            <VisuallyHidden>{t('dgca:editor.recommendations.addTo', { name: dimensionName })}</VisuallyHidden>
          </Button>
        </div>
      ) : null}
      {courses && courses.length === 0 ? <p>{t('dgca:editor.recommendations.noCourses')}</p> : null}
    </fieldset>
  );
}
