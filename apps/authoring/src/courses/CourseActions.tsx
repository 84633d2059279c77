import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ConfirmButton } from '../components/ConfirmButton';
import type { CourseDetail } from './courseTypes';
import { DuplicateCourseDialog } from './DuplicateCourseDialog';

export interface CourseActionsProps {
  course: CourseDetail;
  onChange: (course: CourseDetail) => void;
}

/** What happens to the course as a whole: duplicate it, archive it, or restore it from the archive. */
export function CourseActions({ course, onChange }: CourseActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const archive = useSubmit();
  const restore = useSubmit();
  const [duplicating, setDuplicating] = useState(false);
  const archived = course.status === 'archived';

  const change = (submit: typeof archive, action: 'archive' | 'restore', done: string) => {
    return async (close: () => void) => {
      const path = { id: course.id };
      const result = await submit.run(() =>
        action === 'archive'
          ? api.POST('/api/studio/courses/{id}/archive', { params: { path } })
          : api.POST('/api/studio/courses/{id}/restore', { params: { path } }),
      );
      if (result.ok && result.data) {
        close();
        onChange(result.data);
        announce(done);
      }
    };
  };

  return (
    <div className="arch-actions studio-course-actions">
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setDuplicating(true)}>
        {t('courses.duplicate.button')}
      </Button>
      <DuplicateCourseDialog course={course} open={duplicating} onClose={() => setDuplicating(false)} />
      {archived ? (
        <ConfirmButton
          label={t('courses.archive.restore')}
          variant="secondary"
          dialogTitle={t('courses.archive.restoreTitle', { title: course.title })}
          dialogVariant="primary"
          submit={restore}
          onConfirm={change(restore, 'restore', t('courses.archive.restored', { title: course.title }))}
        >
          <p>{t('courses.archive.restoreBody')}</p>
        </ConfirmButton>
      ) : (
        <ConfirmButton
          label={t('courses.archive.archive')}
          variant="secondary"
          dialogTitle={t('courses.archive.archiveTitle', { title: course.title })}
          dialogVariant="danger"
          submit={archive}
          onConfirm={change(archive, 'archive', t('courses.archive.archived', { title: course.title }))}
        >
          <p>{t('courses.archive.archiveBody')}</p>
        </ConfirmButton>
      )}
    </div>
  );
}
