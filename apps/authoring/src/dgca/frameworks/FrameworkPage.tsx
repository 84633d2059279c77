import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
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
import { getFramework, startDraft, updateFramework } from './frameworks-api';
import type { FrameworkVersionRow, FrameworkView } from './frameworkTypes';
import { useFrameworkRefusal } from './frameworkRefusal';
import '../assessments/dgca.css';

const FIELD_IDS = { name: 'dgca-framework-name', description: 'dgca-framework-description' };

/** /assessments/frameworks/:id — a framework's name and its versions; a new draft starts from the latest published one. */
export default function FrameworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload } = useApiData(id, (signal) => getFramework(id, signal));
  if (state.status === 'loading') {
    return (
      <Page title={t('dgca:framework.loadingTitle')}>
        <Skeleton lines={8} label={t('dgca:framework.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('dgca:framework.loadingTitle')}>
        <ProblemAlert title={t('dgca:framework.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/assessments/frameworks">{t('dgca:frameworks.back')}</Link>
        </p>
      </Page>
    );
  }
  return <FrameworkScreen key={state.data.id} loaded={state.data} />;
}

function FrameworkScreen({ loaded }: { loaded: FrameworkView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { me } = useSession();
  const admin = me ? isPlatformAdmin(me) : false;
  const [framework, setFramework] = useState(loaded);

  return (
    <Page title={framework.name} documentTitle={t('dgca:framework.documentTitle', { name: framework.name })}>
      <p>
        <Link to="/assessments/frameworks">{t('dgca:frameworks.back')}</Link>
      </p>
      {framework.description ? <p>{framework.description}</p> : null}
      <section className="studio-section" aria-labelledby="dgca-framework-versions">
        <h2 id="dgca-framework-versions">{t('dgca:framework.versions')}</h2>
        <p>{t('dgca:framework.versionsIntro')}</p>
        <Table<FrameworkVersionRow>
          caption={t('dgca:framework.versionsCaption', { name: framework.name })}
          rows={framework.versions}
          rowKey={(v) => v.versionId}
          columns={[
            {
              key: 'number',
              header: t('dgca:framework.columns.number'),
              render: (v) => (
                <Link to={`/assessments/framework-versions/${v.versionId}`}>
                  {t('dgca:framework.versionNumber', { number: v.number })}
                </Link>
              ),
            },
            {
              key: 'status',
              header: t('dgca:framework.columns.status'),
              render: (v) => t(`dgca:framework.status.${v.status}`),
            },
            {
              key: 'published',
              header: t('dgca:framework.columns.publishedAt'),
              render: (v) => (v.publishedAt ? format.date(v.publishedAt) : t('dgca:framework.never')),
            },
            {
              key: 'assessments',
              header: t('dgca:framework.columns.assessments'),
              render: (v) => format.number(v.assessments),
            },
          ]}
        />
        {admin ? <DraftAction framework={framework} /> : null}
      </section>
      {admin ? <FrameworkDetailsForm framework={framework} onSaved={setFramework} /> : null}
    </Page>
  );
}

/** "Edit the draft" when there is one, else "Start a new draft" from the latest published version. */
function DraftAction({ framework }: { framework: FrameworkView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const problem = useFrameworkRefusal()(submit.problem, code);
  if (framework.draft) {
    return (
      <p>
        <Link to={`/assessments/framework-versions/${framework.draft.versionId}`}>
          {t('dgca:framework.editDraft', { number: framework.draft.number })}
        </Link>
      </p>
    );
  }
  const start = async () => {
    const result = await submit.run(async () => {
      const answer = await startDraft(framework.id);
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      const draft = result.data;
      announce(t('dgca:framework.draftStarted', { number: draft.number }));
      await navigate(`/assessments/framework-versions/${draft.id}`);
    }
  };
  return (
    <>
      <p>{t('dgca:framework.newDraftIntro')}</p>
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={{}}
        title={t('dgca:framework.draftFailed')}
      />
      <Button variant="secondary" disabled={submit.busy} onClick={() => void start()}>
        {t('dgca:framework.newDraft')}
      </Button>
    </>
  );
}

function FrameworkDetailsForm({
  framework,
  onSaved,
}: {
  framework: FrameworkView;
  onSaved: (framework: FrameworkView) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const problem = useFrameworkRefusal()(submit.problem, code);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const result = await submit.run(async () => {
      const answer = await updateFramework(framework.id, {
        name: text('name'),
        description: text('description'),
      });
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      // Keep the versions list whatever shape the answer has: only the name and description changed.
      onSaved({ ...framework, ...result.data });
      announce(t('dgca:framework.saved'));
    }
  };
  return (
    <section className="studio-section" aria-labelledby="dgca-framework-details">
      <h2 id="dgca-framework-details">{t('dgca:framework.details')}</h2>
      <form className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems
          problem={problem}
          failures={submit.failures}
          fieldIds={FIELD_IDS}
          title={t('dgca:framework.saveFailed')}
        />
        <FormField label={t('dgca:frameworks.name')} id={FIELD_IDS.name} error={errorFor(problem, 'name')}>
          <input className="arch-input" name="name" maxLength={200} defaultValue={framework.name} />
        </FormField>
        <FormField
          label={t('dgca:frameworks.description')}
          id={FIELD_IDS.description}
          error={errorFor(problem, 'description')}
        >
          <textarea className="arch-input" name="description" rows={3} defaultValue={framework.description} />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('dgca:framework.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
