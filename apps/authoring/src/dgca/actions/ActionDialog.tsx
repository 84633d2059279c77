import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, useAnnounce } from '@archipelago/ui';
import { useSubmit } from '../../data/useSubmit';
import { FormProblems } from '../../components/FormProblems';
import { problemCode } from '../../cohorts/problemCode';
import { createAction, updateAction } from './actions-api';
import { ActionFormFields, ACTION_FIELD_IDS, readActionFields } from './ActionFormFields';
import type { ActionFields, ActionView, PlanDimension } from './actionTypes';
import { theirVersion, usePlanRefusal } from './planRefusal';
import type { ActionWords } from './useActionWords';

/** A new action (for a dimension, when planned from a gap) or an existing one being edited. */
export type Editing = { kind: 'new'; dimensionKey?: string } | { kind: 'edit'; action: ActionView };

export interface ActionDialogProps {
  editing: Editing | null;
  assessmentId: string;
  dimensions: PlanDimension[];
  gaps: string[];
  words: ActionWords;
  onClose: () => void;
  /** The action as saved; the dialog closes. */
  onSaved: (action: ActionView, created: boolean) => void;
  /** The action went meanwhile (deleted elsewhere): the plan should be read again. */
  onGone: () => void;
}

/** "New action" and "Edit action": every field, the API's refusals beside the fields they name. */
export function ActionDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { editing } = props;
  const title =
    editing?.kind === 'edit'
      ? t('dgcaActions:form.editTitle', { title: editing.action.title })
      : t('dgcaActions:form.newTitle');
  return (
    <Dialog open={editing !== null} onClose={props.onClose} title={title}>
      {editing ? <ActionForm {...props} editing={editing} /> : null}
    </Dialog>
  );
}

const fieldsOf = (action: ActionView): ActionFields => ({
  dimensionKey: action.dimensionKey,
  title: action.title,
  description: action.description,
  owner: action.owner,
  startsOn: action.startsOn,
  endsOn: action.endsOn,
  resources: action.resources,
  indicator: action.indicator,
  target: action.target,
  impact: action.impact,
  feasibility: action.feasibility,
  status: action.status,
  progress: action.progress,
});

const blank = (dimensionKey: string): ActionFields => ({
  dimensionKey,
  title: '',
  description: '',
  owner: '',
  startsOn: null,
  endsOn: null,
  resources: '',
  indicator: '',
  target: '',
  impact: 2,
  feasibility: 2,
  status: 'planned',
  progress: 0,
});

function ActionForm({
  editing,
  assessmentId,
  dimensions,
  gaps,
  words,
  onClose,
  onSaved,
  onGone,
}: ActionDialogProps & { editing: Editing }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const refusal = usePlanRefusal();
  const [code, setCode] = useState<string | undefined>(undefined);
  const problem = refusal(submit.problem, code);
  // The version being edited: someone else's, once the author chose to see it.
  const [base, setBase] = useState<ActionView | null>(editing.kind === 'edit' ? editing.action : null);
  // Bumped when their version replaces the fields, so the uncontrolled fields start over.
  const [generation, setGeneration] = useState(0);
  // Their version replaced the fields and the notice (with the pressed button) is gone: focus goes
  // to the first field of what is now on screen, not to the page behind the dialog.
  useEffect(() => {
    if (generation > 0) document.getElementById(ACTION_FIELD_IDS.title)?.focus();
  }, [generation]);
  const [conflict, setConflict] = useState<{ theirs: ActionView } | null>(null);
  // What was being saved when the conflict arose, to save again over their version if asked.
  const pending = useRef<ActionFields | null>(null);
  const firstDimension = gaps[0] ?? dimensions[0]?.key ?? '';
  const initial = base
    ? fieldsOf(base)
    : blank(editing.kind === 'new' ? (editing.dimensionKey ?? firstDimension) : firstDimension);

  const save = async (fields: ActionFields, revision: number | null) => {
    pending.current = fields;
    let theirs: ActionView | undefined;
    let gone = false;
    const result = await submit.run(async () => {
      const answer =
        base && revision !== null
          ? await updateAction(base.id, { ...fields, revision })
          : await createAction(assessmentId, fields);
      const refused = problemCode(answer.error);
      setCode(refused);
      if (refused === 'stale-version') theirs = theirVersion(answer.error);
      gone = answer.response.status === 404 && base !== null;
      return answer;
    });
    if (result.ok && result.data) {
      setConflict(null);
      announce(t(base ? 'dgcaActions:form.saved' : 'dgcaActions:form.created', { title: result.data.title }));
      onSaved(result.data, base === null);
      return;
    }
    if (gone) onGone();
    if (theirs) {
      // Nothing was lost: their version is offered beside the author's, who chooses.
      submit.clear();
      setConflict({ theirs });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(readActionFields(new FormData(event.currentTarget)), base?.revision ?? null);
  };

  return (
    <form className="studio-form action-form" noValidate onSubmit={onSubmit}>
      {conflict ? (
        <Alert title={t('dgcaActions:conflict.title')} headingLevel={3}>
          <p>{t('dgcaActions:conflict.body')}</p>
          <div className="arch-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setBase(conflict.theirs);
                setGeneration((count) => count + 1);
                setConflict(null);
                announce(t('dgcaActions:conflict.loadedTheirs'));
              }}
            >
              {t('dgcaActions:conflict.loadTheirs')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                const theirs = conflict.theirs;
                setBase(theirs);
                if (pending.current) void save(pending.current, theirs.revision);
              }}
            >
              {t('dgcaActions:conflict.overwrite')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={ACTION_FIELD_IDS}
        title={t('dgcaActions:form.failed')}
      />
      <ActionFormFields
        key={generation}
        initial={initial}
        dimensions={dimensions}
        gaps={gaps}
        problem={problem}
        words={words}
      />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t(base ? 'dgcaActions:form.save' : 'dgcaActions:form.create')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('confirm.cancel')}
        </Button>
      </div>
    </form>
  );
}
