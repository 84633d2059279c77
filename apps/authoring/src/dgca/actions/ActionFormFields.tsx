import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import type { Problem } from '../../data/problem';
import { errorFor } from '../../components/FormProblems';
import { ACTION_STATUSES, LEVELS, type ActionFields, type PlanDimension } from './actionTypes';
import type { ActionWords } from './useActionWords';

/** Request field → the control the error summary links to. */
export const ACTION_FIELD_IDS = {
  dimensionKey: 'action-dimension',
  title: 'action-title',
  description: 'action-description',
  owner: 'action-owner',
  startsOn: 'action-starts',
  endsOn: 'action-ends',
  resources: 'action-resources',
  indicator: 'action-indicator',
  target: 'action-target',
  impact: 'action-impact',
  feasibility: 'action-feasibility',
  status: 'action-status',
  progress: 'action-progress',
} as const;

/** The form's fields as the API wants them; a progress left empty counts as none yet. */
export function readActionFields(form: FormData): ActionFields {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const progress = text('progress');
  return {
    dimensionKey: text('dimensionKey'),
    title: text('title'),
    description: text('description'),
    owner: text('owner'),
    startsOn: text('startsOn') || null,
    endsOn: text('endsOn') || null,
    resources: text('resources'),
    indicator: text('indicator'),
    target: text('target'),
    impact: Number(text('impact')),
    feasibility: Number(text('feasibility')),
    status: text('status') as ActionFields['status'],
    // A value that is not a number goes as such, for the API to name the field.
    progress: progress === '' ? 0 : Number(progress),
  };
}

export interface ActionFormFieldsProps {
  initial: ActionFields;
  dimensions: PlanDimension[];
  /** Keys of the profile's weakest dimensions, marked in the choice. */
  gaps: string[];
  problem: Problem | null;
  words: ActionWords;
}

/** Every field of an action, for "New action" and "Edit action" alike. */
export function ActionFormFields({ initial, dimensions, gaps, problem, words }: ActionFormFieldsProps) {
  const { t } = useTranslation();
  const error = (field: keyof typeof ACTION_FIELD_IDS) => errorFor(problem, field);
  const id = ACTION_FIELD_IDS;
  return (
    <>
      <FormField label={t('dgcaActions:form.dimension')} id={id.dimensionKey} error={error('dimensionKey')}>
        <select className="arch-input" name="dimensionKey" defaultValue={initial.dimensionKey}>
          {dimensions.map((dimension) => (
            <option key={dimension.key} value={dimension.key}>
              {gaps.includes(dimension.key)
                ? t('dgcaActions:form.dimensionGap', { name: dimension.name })
                : dimension.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('dgcaActions:form.title')} id={id.title} error={error('title')}>
        <input className="arch-input" name="title" maxLength={200} defaultValue={initial.title} />
      </FormField>
      <FormField label={t('dgcaActions:form.description')} id={id.description} error={error('description')}>
        <textarea className="arch-input" name="description" rows={3} defaultValue={initial.description} />
      </FormField>
      <FormField
        label={t('dgcaActions:form.owner')}
        hint={t('dgcaActions:form.ownerHint')}
        id={id.owner}
        error={error('owner')}
      >
        <input className="arch-input" name="owner" maxLength={200} defaultValue={initial.owner} />
      </FormField>
      <div className="action-form__pair">
        <FormField label={t('dgcaActions:form.startsOn')} id={id.startsOn} error={error('startsOn')}>
          <input className="arch-input" name="startsOn" type="date" defaultValue={initial.startsOn ?? ''} />
        </FormField>
        <FormField label={t('dgcaActions:form.endsOn')} id={id.endsOn} error={error('endsOn')}>
          <input className="arch-input" name="endsOn" type="date" defaultValue={initial.endsOn ?? ''} />
        </FormField>
      </div>
      <FormField
        label={t('dgcaActions:form.resources')}
        hint={t('dgcaActions:form.resourcesHint')}
        id={id.resources}
        error={error('resources')}
      >
        <textarea className="arch-input" name="resources" rows={2} defaultValue={initial.resources} />
      </FormField>
      <div className="action-form__pair">
        <FormField
          label={t('dgcaActions:form.indicator')}
          hint={t('dgcaActions:form.indicatorHint')}
          id={id.indicator}
          error={error('indicator')}
        >
          <input className="arch-input" name="indicator" maxLength={500} defaultValue={initial.indicator} />
        </FormField>
        <FormField
          label={t('dgcaActions:form.target')}
          hint={t('dgcaActions:form.targetHint')}
          id={id.target}
          error={error('target')}
        >
          <input className="arch-input" name="target" maxLength={500} defaultValue={initial.target} />
        </FormField>
      </div>
      <div className="action-form__pair">
        <FormField
          label={t('dgcaActions:form.impact')}
          hint={t('dgcaActions:form.impactHint')}
          id={id.impact}
          error={error('impact')}
        >
          <select className="arch-input" name="impact" defaultValue={String(initial.impact)}>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {words.level(level)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label={t('dgcaActions:form.feasibility')}
          hint={t('dgcaActions:form.feasibilityHint')}
          id={id.feasibility}
          error={error('feasibility')}
        >
          <select className="arch-input" name="feasibility" defaultValue={String(initial.feasibility)}>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {words.level(level)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="action-form__pair">
        <FormField label={t('dgcaActions:form.status')} id={id.status} error={error('status')}>
          <select className="arch-input" name="status" defaultValue={initial.status}>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {words.status(status)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label={t('dgcaActions:form.progress')}
          hint={t('dgcaActions:form.progressHint')}
          id={id.progress}
          error={error('progress')}
        >
          <input
            className="arch-input"
            name="progress"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            defaultValue={String(initial.progress)}
          />
        </FormField>
      </div>
    </>
  );
}
