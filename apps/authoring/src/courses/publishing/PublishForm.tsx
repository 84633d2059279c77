import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import { api } from '../../api';
import { useSubmit } from '../../data/useSubmit';
import { ProblemAlert } from '../../components/ProblemAlert';
import { currentCourseOf, type CourseDetail } from '../courseTypes';
import { PublishProblems } from './PublishProblems';
import { publishProblemsOf, type PublishProblem } from './publishProblems';

const CHANGE_LOG_ID = 'publish-change-log';

export interface PublishFormProps {
  course: CourseDetail;
  /** The course as published, with its new revision. */
  onPublished: (course: CourseDetail) => void;
  /** Takes the newer course someone else saved. */
  onReplace: (course: CourseDetail) => void;
}

type Refusal =
  { kind: 'problems'; problems: PublishProblem[] } | { kind: 'conflict'; newer: CourseDetail | undefined };

/** "Publish a new version": a required change log, then the course's problems or a conflict if refused. */
export function PublishForm({ course, onPublished, onReplace }: PublishFormProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [missingLog, setMissingLog] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>(undefined);

  const publish = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const changeLog = String(new FormData(form).get('changeLog') ?? '').trim();
    setRefusal(undefined);
    if (changeLog === '') {
      setMissingLog(true);
      document.getElementById(CHANGE_LOG_ID)?.focus();
      return;
    }
    setMissingLog(false);
    const result = await submit.run(async () => {
      const answer = await api.POST('/api/studio/courses/{id}/publish', {
        params: { path: { id: course.id } },
        body: { revision: course.revision, changeLog },
      });
      const problems = answer.response.status === 422 ? publishProblemsOf(answer.error) : undefined;
      if (problems && problems.length > 0) setRefusal({ kind: 'problems', problems });
      if (answer.response.status === 409) {
        setRefusal({ kind: 'conflict', newer: currentCourseOf(answer.error) });
      }
      return answer;
    });
    if (result.ok && result.data) {
      form.reset();
      onPublished(result.data);
    }
  };

  let refused = null;
  if (refusal?.kind === 'problems') {
    refused = <PublishProblems key={submit.failures} problems={refusal.problems} course={course} />;
  } else if (refusal?.kind === 'conflict') {
    const newer = refusal.newer;
    refused = (
      <div className="arch-alert" role="alert">
        <h4>{t('courses.publishing.conflictTitle')}</h4>
        <p>{t('courses.publishing.conflictBody')}</p>
        <Button onClick={() => (newer ? onReplace(newer) : window.location.reload())}>
          {t('courses.publishing.conflictReload')}
        </Button>
      </div>
    );
  } else if (submit.problem) {
    refused = (
      <ProblemAlert
        key={submit.failures}
        problem={submit.problem}
        title={t('courses.publishing.failed')}
        headingLevel={3}
      />
    );
  }

  return (
    <form
      className="studio-form"
      noValidate
      aria-labelledby="publish-form-heading"
      onSubmit={(event) => void publish(event)}
    >
      <h3 id="publish-form-heading">{t('courses.publishing.formTitle')}</h3>
      {refused}
      <FormField
        label={t('courses.publishing.changeLog')}
        hint={t('courses.publishing.changeLogHint')}
        id={CHANGE_LOG_ID}
        error={missingLog ? t('courses.publishing.changeLogMissing') : undefined}
      >
        <textarea className="arch-input" name="changeLog" rows={3} required aria-required="true" />
      </FormField>
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('courses.publishing.publish')}
        </Button>
      </div>
    </form>
  );
}
