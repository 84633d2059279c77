import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Button,
  FormField,
  Page,
  Skeleton,
  Table,
  useAnnounce,
  useFormatters,
  useSession,
} from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { useSubmit } from '../../data/useSubmit';
import { FormProblems, errorFor } from '../../components/FormProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemCode } from '../../cohorts/problemCode';
import { isPlatformAdmin } from '../../session/access';
import { createFramework, listFrameworks } from './frameworks-api';
import type { FrameworkSummary } from './frameworkTypes';
import { useFrameworkRefusal } from './frameworkRefusal';
import '../assessments/dgca.css';

const FIELD_IDS = {
  name: 'dgca-framework-name',
  description: 'dgca-framework-description',
  copyFromVersionId: 'dgca-framework-copy',
};

/** /assessments/frameworks — the frameworks assessments are taken on, and (platform admins) a new one. */
export default function FrameworksPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { me } = useSession();
  const admin = me ? isPlatformAdmin(me) : false;
  const { state, reload } = useApiData('dgca-frameworks', (signal) => listFrameworks(signal));

  return (
    <Page title={t('dgca:frameworks.title')}>
      <p>
        <Link to="/assessments">{t('dgca:back')}</Link>
      </p>
      <p>{t('dgca:frameworks.intro')}</p>
      {state.status === 'loading' ? <Skeleton lines={6} label={t('dgca:frameworks.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('dgca:frameworks.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? (
        state.data.items.length === 0 ? (
          <p>{t('dgca:frameworks.none')}</p>
        ) : (
          <Table<FrameworkSummary>
            caption={t('dgca:frameworks.caption')}
            rows={state.data.items}
            rowKey={(f) => f.id}
            columns={[
              {
                key: 'name',
                header: t('dgca:frameworks.columns.name'),
                render: (f) => <Link to={`/assessments/frameworks/${f.id}`}>{f.name}</Link>,
              },
              {
                key: 'published',
                header: t('dgca:frameworks.columns.published'),
                render: (f) =>
                  f.published
                    ? t('dgca:frameworks.versionOn', {
                        number: f.published.number,
                        date: format.date(f.published.publishedAt),
                      })
                    : t('dgca:frameworks.notPublished'),
              },
              {
                key: 'draft',
                header: t('dgca:frameworks.columns.draft'),
                render: (f) =>
                  f.draft ? (
                    <Link to={`/assessments/framework-versions/${f.draft.versionId}`}>
                      {t('dgca:frameworks.draftVersion', { number: f.draft.number })}
                    </Link>
                  ) : (
                    t('dgca:frameworks.noDraft')
                  ),
              },
              {
                key: 'assessments',
                header: t('dgca:frameworks.columns.assessments'),
                render: (f) => format.number(f.assessments),
              },
            ]}
          />
        )
      ) : null}
      {admin ? <NewFrameworkForm frameworks={state.status === 'ready' ? state.data.items : []} /> : null}
    </Page>
  );
}

/** A new framework starts as an empty draft, or as a copy of a published version to adapt. */
function NewFrameworkForm({ frameworks }: { frameworks: FrameworkSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useFrameworkRefusal();
  const problem = refusal(submit.problem, code);
  const copyable = frameworks.filter((f) => f.published !== null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const result = await submit.run(async () => {
      const answer = await createFramework({
        name: text('name'),
        description: text('description') || undefined,
        copyFromVersionId: text('copyFromVersionId') || undefined,
      });
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      const created = result.data;
      announce(t('dgca:frameworks.created', { name: created.name }));
      await navigate(
        created.draft
          ? `/assessments/framework-versions/${created.draft.versionId}`
          : `/assessments/frameworks/${created.id}`,
      );
    }
  };

  return (
    <section className="studio-section" aria-labelledby="dgca-new-framework">
      <h2 id="dgca-new-framework">{t('dgca:frameworks.newTitle')}</h2>
      <p>{t('dgca:frameworks.newIntro')}</p>
      <form className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems
          problem={problem}
          failures={submit.failures}
          fieldIds={FIELD_IDS}
          title={t('dgca:frameworks.createFailed')}
        />
        <FormField label={t('dgca:frameworks.name')} id={FIELD_IDS.name} error={errorFor(problem, 'name')}>
          <input className="arch-input" name="name" maxLength={200} />
        </FormField>
        <FormField
          label={t('dgca:frameworks.description')}
          id={FIELD_IDS.description}
          error={errorFor(problem, 'description')}
        >
          <textarea className="arch-input" name="description" rows={3} />
        </FormField>
        <FormField
          label={t('dgca:frameworks.copyFrom')}
          hint={t('dgca:frameworks.copyFromHint')}
          id={FIELD_IDS.copyFromVersionId}
          error={errorFor(problem, 'copyFromVersionId')}
        >
          <select className="arch-input" name="copyFromVersionId" defaultValue="">
            <option value="">{t('dgca:frameworks.startEmpty')}</option>
            {copyable.map((f) => (
              <option key={f.id} value={f.published!.versionId}>
                {t('dgca:frameworks.copyOption', { name: f.name, number: f.published!.number })}
              </option>
            ))}
          </select>
        </FormField>
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('dgca:frameworks.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
