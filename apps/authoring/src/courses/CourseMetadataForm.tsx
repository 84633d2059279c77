import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';
import { SDGS, currentCourseOf, type CourseDetail, type EnrolmentMode } from './courseTypes';
import { CourseConflict } from './CourseConflict';
import { EnrolmentModeField } from './EnrolmentModeField';
import { COVER_ALT_ID, COVER_FILE_ID, CoverImageFields, type Cover } from './CoverImageFields';

const FIELD_IDS = {
  title: 'course-title',
  summary: 'course-summary',
  outcomes: 'course-outcomes',
  estimatedHours: 'course-hours',
  topics: 'course-topics',
  sdgs: 'course-sdgs',
  enrolmentMode: 'course-enrolment',
  coverFileId: COVER_FILE_ID,
  coverAlt: COVER_ALT_ID,
};

interface Outcome {
  key: number;
  text: string;
}

export interface CourseMetadataFormProps {
  /** The course as last saved; its revision goes with the change. */
  course: CourseDetail;
  onSaved: (course: CourseDetail) => void;
  /** Discards the author's edits for the newer course someone else saved. */
  onReplace: (course: CourseDetail) => void;
}

/** Title, summary, outcomes, length, cover, topics, SDGs and enrolment mode; mounted afresh for each loaded course. */
export function CourseMetadataForm({ course, onSaved, onReplace }: CourseMetadataFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [conflict, setConflict] = useState<CourseDetail | undefined>(undefined);
  const [cover, setCover] = useState<Cover>({ fileId: course.coverFileId, url: course.coverUrl });
  const [coverAlt, setCoverAlt] = useState(course.coverAlt ?? '');
  const [coverAltMissing, setCoverAltMissing] = useState(false);
  const nextKey = useRef(course.outcomes.length);
  const [outcomes, setOutcomes] = useState<Outcome[]>(() =>
    course.outcomes.map((text, key) => ({ key, text })),
  );
  // A newly added outcome takes focus so the author can type straight away.
  const focusOutcome = useRef<number | null>(null);
  useEffect(() => {
    if (focusOutcome.current === null) return;
    document.getElementById(`course-outcome-${focusOutcome.current}`)?.focus();
    focusOutcome.current = null;
  }, [outcomes]);

  const addOutcome = () => {
    const key = nextKey.current++;
    setOutcomes((list) => [...list, { key, text: '' }]);
    focusOutcome.current = key;
  };
  const removeOutcome = (key: number) => {
    setOutcomes((list) => list.filter((outcome) => outcome.key !== key));
    document.getElementById('course-outcome-add')?.focus();
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const hours = text('estimatedHours');
    setConflict(undefined);
    // A cover needs its description: said here at once rather than after a round trip.
    const missing = cover.fileId !== null && coverAlt.trim() === '';
    setCoverAltMissing(missing);
    if (missing) {
      document.getElementById(COVER_ALT_ID)?.focus();
      return;
    }
    const result = await submit.run(async () => {
      const answer = await api.PATCH('/api/studio/courses/{id}', {
        params: { path: { id: course.id } },
        body: {
          revision: course.revision,
          title: text('title'),
          summary: text('summary'),
          outcomes: outcomes.map((outcome) => outcome.text.trim()).filter(Boolean),
          estimatedHours: hours ? Number(hours) : null,
          coverFileId: cover.fileId,
          coverAlt: coverAlt.trim() || null,
          topics: text('topics')
            .split(',')
            .map((topic) => topic.trim())
            .filter(Boolean),
          sdgs: form.getAll('sdgs').map(Number),
          enrolmentMode: text('enrolmentMode') as EnrolmentMode,
        },
      });
      if (answer.response.status === 409) setConflict(currentCourseOf(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      onSaved(result.data);
      announce(t('courses.details.saved'));
    }
  };

  return (
    <section className="studio-section" aria-labelledby="course-details-heading">
      <h2 id="course-details-heading">{t('courses.details.title')}</h2>
      <form className="studio-form" noValidate onSubmit={(event) => void save(event)}>
        {conflict ? (
          <CourseConflict key={submit.failures} newer={conflict} onReload={() => onReplace(conflict)} />
        ) : (
          <FormProblems
            problem={submit.problem}
            failures={submit.failures}
            fieldIds={FIELD_IDS}
            title={t('courses.details.failed')}
          />
        )}
        <FormField
          label={t('courses.form.title')}
          id={FIELD_IDS.title}
          error={errorFor(submit.problem, 'title')}
        >
          <input className="arch-input" name="title" defaultValue={course.title} />
        </FormField>
        <FormField
          label={t('courses.form.summary')}
          id={FIELD_IDS.summary}
          error={errorFor(submit.problem, 'summary')}
        >
          <textarea className="arch-input" name="summary" rows={4} defaultValue={course.summary} />
        </FormField>

        <fieldset className="studio-fieldset" id={FIELD_IDS.outcomes} tabIndex={-1}>
          <legend>{t('courses.details.outcomes')}</legend>
          <p className="arch-field__hint">{t('courses.details.outcomesHint')}</p>
          {errorFor(submit.problem, 'outcomes') ? (
            <p className="arch-field__error">{errorFor(submit.problem, 'outcomes')}</p>
          ) : null}
          {outcomes.length === 0 ? <p>{t('courses.details.noOutcomes')}</p> : null}
          <ol className="studio-plain-list">
            {outcomes.map((outcome, index) => (
              <li key={outcome.key} className="studio-inline-form">
                <FormField
                  label={t('courses.details.outcome', { number: index + 1 })}
                  id={`course-outcome-${outcome.key}`}
                >
                  <input
                    className="arch-input"
                    value={outcome.text}
                    onChange={(event) =>
                      setOutcomes((list) =>
                        list.map((item) =>
                          item.key === outcome.key ? { ...item, text: event.target.value } : item,
                        ),
                      )
                    }
                  />
                </FormField>
                <Button variant="secondary" onClick={() => removeOutcome(outcome.key)}>
                  {t('courses.details.removeOutcome', { number: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" id="course-outcome-add" onClick={addOutcome}>
            {t('courses.details.addOutcome')}
          </Button>
        </fieldset>

        <FormField
          label={t('courses.details.estimatedHours')}
          hint={t('courses.details.estimatedHoursHint')}
          id={FIELD_IDS.estimatedHours}
          error={errorFor(submit.problem, 'estimatedHours')}
        >
          <input
            className="arch-input"
            name="estimatedHours"
            type="number"
            min={0.1}
            step={0.1}
            defaultValue={course.estimatedHours ?? ''}
          />
        </FormField>
        <CoverImageFields
          institutionId={course.institutionId}
          cover={cover}
          onCoverChange={setCover}
          alt={coverAlt}
          onAltChange={setCoverAlt}
          errors={{
            coverFileId: errorFor(submit.problem, 'coverFileId'),
            coverAlt: coverAltMissing ? t('courses.cover.altRequired') : errorFor(submit.problem, 'coverAlt'),
          }}
        />
        <FormField
          label={t('courses.details.topics')}
          hint={t('courses.details.topicsHint')}
          id={FIELD_IDS.topics}
          error={errorFor(submit.problem, 'topics')}
        >
          <input className="arch-input" name="topics" defaultValue={course.topics.join(', ')} />
        </FormField>

        <fieldset className="studio-fieldset" id={FIELD_IDS.sdgs} tabIndex={-1}>
          <legend>{t('courses.details.sdgs')}</legend>
          {errorFor(submit.problem, 'sdgs') ? (
            <p className="arch-field__error">{errorFor(submit.problem, 'sdgs')}</p>
          ) : null}
          <ul className="studio-plain-list studio-sdgs">
            {SDGS.map((goal) => (
              <li key={goal}>
                <label className="studio-checkbox">
                  <input
                    type="checkbox"
                    name="sdgs"
                    value={goal}
                    defaultChecked={course.sdgs.includes(goal)}
                  />
                  <span>{t('courses.sdgLabel', { number: goal, name: t(`courses.sdgNames.${goal}`) })}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <EnrolmentModeField
          id={FIELD_IDS.enrolmentMode}
          error={errorFor(submit.problem, 'enrolmentMode')}
          defaultValue={course.enrolmentMode}
        />
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('courses.details.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
