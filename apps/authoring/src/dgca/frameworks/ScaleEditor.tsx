import { useTranslation } from 'react-i18next';
import { Button, FormField, VisuallyHidden, useAnnounce } from '@archipelago/ui';
import type { Problem } from '../../data/problem';
import { errorFor } from '../../components/FormProblems';
import { nextLevel, type DraftLevel } from './draftState';

const MAX_LEVELS = 10;
const MIN_LEVELS = 2;
const ADD_ID = 'dgca-scale-add';

export interface ScaleEditorProps {
  scale: DraftLevel[];
  onChange: (scale: DraftLevel[]) => void;
  problem: Problem | null;
  focusLater: (id: string) => void;
}

/**
 * The rating scale: each level's number, its short label and the description that anchors it.
 * Levels are kept in ascending order of value by the API; "Don't know" is always offered besides.
 */
export function ScaleEditor({ scale, onChange, problem, focusLater }: ScaleEditorProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const error = (field: string) => errorFor(problem, field);
  const change = (uid: string, patch: Partial<DraftLevel>) =>
    onChange(scale.map((level) => (level.uid === uid ? { ...level, ...patch } : level)));

  const add = () => {
    const level = nextLevel(scale);
    onChange([...scale, level]);
    focusLater(`dgca-level-${level.uid}-value`);
    announce(t('dgca:editor.scale.added', { number: scale.length + 1 }));
  };

  const remove = (index: number) => {
    onChange(scale.filter((_, i) => i !== index));
    focusLater(ADD_ID);
    announce(t('dgca:editor.scale.removed', { number: scale.length - 1 }));
  };

  return (
    <fieldset id="dgca-scale" tabIndex={-1} className="studio-fieldset dgca-scale">
      <legend>{t('dgca:editor.scale.title')}</legend>
      <p className="arch-field__hint">{t('dgca:editor.scale.hint')}</p>
      {error('scale') ? <p className="arch-field__error">{error('scale')}</p> : null}
      <ol className="dgca-list">
        {scale.map((level, index) => {
          const id = (field: string) => `dgca-level-${level.uid}-${field}`;
          const at = `scale.${index}`;
          const name = level.label || t('dgca:editor.scale.levelNumber', { number: index + 1 });
          return (
            <li key={level.uid} className="dgca-item">
              <fieldset className="studio-fieldset">
                <legend>{t('dgca:editor.scale.level', { number: index + 1 })}</legend>
                <div className="dgca-row">
                  <FormField
                    label={t('dgca:editor.scale.value')}
                    id={id('value')}
                    error={error(`${at}.value`) ?? error(at)}
                  >
                    <input
                      className="arch-input dgca-value"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      step={1}
                      value={level.value}
                      onChange={(event) => change(level.uid, { value: event.target.value })}
                    />
                  </FormField>
                  <FormField
                    label={t('dgca:editor.scale.label')}
                    id={id('label')}
                    error={error(`${at}.label`)}
                  >
                    <input
                      className="arch-input"
                      maxLength={100}
                      value={level.label}
                      onChange={(event) => change(level.uid, { label: event.target.value })}
                    />
                  </FormField>
                </div>
                <FormField
                  label={t('dgca:editor.scale.description')}
                  hint={t('dgca:editor.scale.descriptionHint')}
                  id={id('description')}
                  error={error(`${at}.description`)}
                >
                  <textarea
                    className="arch-input"
                    rows={2}
                    value={level.description}
                    onChange={(event) => change(level.uid, { description: event.target.value })}
                  />
                </FormField>
                {/* Levels stay in ascending order of value: no moving, only removing. */}
                {scale.length > MIN_LEVELS ? (
                  <Button variant="secondary" onClick={() => remove(index)}>
                    {t('dgca:editor.scale.remove')}
                    <VisuallyHidden>{t('dgca:editor.whom', { name })}</VisuallyHidden>
                  </Button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {scale.length < MAX_LEVELS ? (
        <Button id={ADD_ID} variant="secondary" onClick={add}>
          {t('dgca:editor.scale.add')}
        </Button>
      ) : (
        <p>{t('dgca:editor.scale.full', { max: MAX_LEVELS })}</p>
      )}
    </fieldset>
  );
}
