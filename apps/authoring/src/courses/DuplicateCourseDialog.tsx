import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, FormField, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ProblemAlert } from '../components/ProblemAlert';
import type { CourseDetail } from './courseTypes';

export interface DuplicateCourseDialogProps {
  course: CourseDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * Asks for the copy's title (suggested in the author's language), makes the copy and opens it. The
 * server picks a free address from the title; the author can change it on the copy's page.
 */
export function DuplicateCourseDialog({ course, open, onClose }: DuplicateCourseDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const fieldId = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  // Each opening starts from the suggested title of the course as it is now.
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setTitle(t('courses.duplicate.defaultTitle', { title: course.title }));
  }

  const close = () => {
    submit.clear();
    setError(undefined);
    onClose();
  };

  const duplicate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) {
      setError(t('courses.duplicate.titleRequired'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    const result = await submit.run(() =>
      api.POST('/api/studio/courses/{id}/duplicate', {
        params: { path: { id: course.id } },
        body: { title: value.slice(0, 200) },
      }),
    );
    if (result.ok && result.data) {
      announce(t('courses.duplicate.done', { title: result.data.title }));
      await navigate(`/courses/${result.data.id}`);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={t('courses.duplicate.dialogTitle', { title: course.title })}>
      <form noValidate onSubmit={(event) => void duplicate(event)}>
        <p>{t('courses.duplicate.body')}</p>
        <FormField label={t('courses.duplicate.title')} id={fieldId} error={error}>
          <input
            className="arch-input"
            name="title"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </FormField>
        {submit.problem ? (
          <ProblemAlert
            key={submit.failures}
            problem={submit.problem}
            title={t('courses.duplicate.failed')}
            headingLevel={3}
          />
        ) : null}
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('courses.duplicate.submit')}
          </Button>
          <Button variant="secondary" onClick={close}>
            {t('confirm.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
