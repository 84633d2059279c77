import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Page, Skeleton, useAnnounce, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';
import { LANGUAGES, suggestSlug, type CourseLanguage, type EnrolmentMode } from './courseTypes';
import { useAuthoringInstitutions } from './useAuthoringInstitutions';
import { EnrolmentModeField } from './EnrolmentModeField';

const FIELD_IDS = {
  title: 'course-title',
  slug: 'course-slug',
  summary: 'course-summary',
  language: 'course-language',
  institutionId: 'course-institution',
  enrolmentMode: 'course-enrolment',
};

/** Starts a draft course; the course page then takes over for the outline and the rest. */
export default function NewCoursePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const institutions = useAuthoringInstitutions(me!);
  const [title, setTitle] = useState('');
  // Follows the title until the author types a slug of their own.
  const [slug, setSlug] = useState<string | null>(null);
  const shownSlug = slug ?? suggestSlug(title);
  const interfaceLanguage = i18n.resolvedLanguage as CourseLanguage | undefined;

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const summary = text('summary');
    const result = await submit.run(() =>
      api.POST('/api/studio/courses', {
        body: {
          title: title.trim(),
          slug: shownSlug.trim(),
          summary: summary || undefined,
          language: text('language') as CourseLanguage,
          institutionId: text('institutionId'),
          enrolmentMode: text('enrolmentMode') as EnrolmentMode,
        },
      }),
    );
    if (result.ok && result.data) {
      announce(t('courses.created', { title: result.data.title }));
      await navigate(`/courses/${result.data.id}`);
    }
  };

  return (
    <Page title={t('courses.newTitle')}>
      <p>
        <Link to="/courses">{t('courses.back')}</Link>
      </p>
      {institutions === undefined ? (
        <Skeleton lines={6} label={t('courses.form.loading')} />
      ) : (
        <form className="studio-form" noValidate onSubmit={(event) => void create(event)}>
          <FormProblems
            problem={submit.problem}
            failures={submit.failures}
            fieldIds={FIELD_IDS}
            title={t('courses.form.createFailed')}
          />
          <FormField
            label={t('courses.form.title')}
            id={FIELD_IDS.title}
            error={errorFor(submit.problem, 'title')}
          >
            <input
              className="arch-input"
              name="title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          </FormField>
          <FormField
            label={t('courses.form.slug')}
            hint={t('courses.form.slugHint')}
            id={FIELD_IDS.slug}
            error={errorFor(submit.problem, 'slug')}
          >
            <input
              className="arch-input"
              name="slug"
              spellCheck={false}
              value={shownSlug}
              onChange={(event) => setSlug(event.target.value)}
            />
          </FormField>
          <FormField
            label={t('courses.form.summary')}
            id={FIELD_IDS.summary}
            error={errorFor(submit.problem, 'summary')}
          >
            <textarea className="arch-input" name="summary" rows={4} />
          </FormField>
          <FormField
            label={t('courses.form.language')}
            id={FIELD_IDS.language}
            error={errorFor(submit.problem, 'language')}
          >
            <select
              className="arch-input"
              name="language"
              defaultValue={LANGUAGES.includes(interfaceLanguage!) ? interfaceLanguage : 'en'}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`courses.languages.${language}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label={t('courses.form.institution')}
            id={FIELD_IDS.institutionId}
            error={errorFor(submit.problem, 'institutionId')}
          >
            <select className="arch-input" name="institutionId" defaultValue={institutions[0]?.id}>
              {institutions.map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.name}
                </option>
              ))}
            </select>
          </FormField>
          <EnrolmentModeField
            id={FIELD_IDS.enrolmentMode}
            error={errorFor(submit.problem, 'enrolmentMode')}
            defaultValue={'open'}
          />
          <div className="arch-actions">
            <Button type="submit" disabled={submit.busy}>
              {t('courses.form.create')}
            </Button>
          </div>
        </form>
      )}
    </Page>
  );
}
