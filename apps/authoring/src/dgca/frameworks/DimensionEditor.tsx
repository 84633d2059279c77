import { useTranslation } from 'react-i18next';
import { Button, FormField, VisuallyHidden, useAnnounce } from '@archipelago/ui';
import type { Problem } from '../../data/problem';
import { errorFor } from '../../components/FormProblems';
import { MoveButtons, focusAfterMove } from './MoveButtons';
import { RecommendationPicker, type CourseChoice } from './RecommendationPicker';
import { emptyStatement, keyFromName, moved, type DraftDimension } from './draftState';

export interface DimensionEditorProps {
  dimension: DraftDimension;
  index: number;
  count: number;
  onChange: (dimension: DraftDimension) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  courses: CourseChoice[] | null | undefined;
  problem: Problem | null;
  focusLater: (id: string) => void;
}

/** One dimension: its name, key and description, its statements in order, and the modules it recommends. */
export function DimensionEditor(props: DimensionEditorProps) {
  const { dimension, index, count, onChange, onMove, onRemove, courses, problem, focusLater } = props;
  const { t } = useTranslation();
  const announce = useAnnounce();
  const at = `dimensions.${index}`;
  const error = (field: string) => errorFor(problem, field);
  const id = (field: string) => `dgca-dimension-${dimension.uid}-${field}`;
  const headingId = id('heading');
  const addStatementId = id('add-statement');
  const name = dimension.name || t('dgca:editor.dimensions.untitled', { number: index + 1 });
  const { statements } = dimension;
  const patch = (change: Partial<DraftDimension>) => onChange({ ...dimension, ...change });

  const addStatement = () => {
    const statement = emptyStatement();
    patch({ statements: [...statements, statement] });
    focusLater(`dgca-statement-${statement.uid}-text`);
    announce(t('dgca:editor.statements.added', { number: statements.length + 1, dimension: name }));
  };

  const moveStatement = (from: number, by: -1 | 1) => {
    const statement = statements[from]!;
    patch({ statements: moved(statements, from, by) });
    focusLater(focusAfterMove(`dgca-statement-${statement.uid}`, from, by, statements.length));
    announce(t('dgca:editor.statements.moved', { position: from + by + 1, count: statements.length }));
  };

  const removeStatement = (from: number) => {
    patch({ statements: statements.filter((_, i) => i !== from) });
    focusLater(addStatementId);
    announce(t('dgca:editor.statements.removed', { number: from + 1, dimension: name }));
  };

  return (
    <section className="dgca-dimension" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t('dgca:editor.dimensions.heading', { number: index + 1, name })}
      </h3>
      <MoveButtons
        idPrefix={`dgca-dimension-${dimension.uid}`}
        index={index}
        count={count}
        itemName={name}
        onMove={onMove}
        onRemove={onRemove}
        removeLabel={t('dgca:editor.dimensions.remove')}
        canRemove={count > 1}
      />
      <div className="dgca-row">
        <FormField
          label={t('dgca:editor.dimensions.name')}
          id={id('name')}
          error={error(`${at}.name`) ?? error(at)}
        >
          <input
            className="arch-input"
            maxLength={200}
            value={dimension.name}
            onChange={(event) => patch({ name: event.target.value })}
            // A new dimension's key follows its name until someone types a key of their own.
            onBlur={() => (dimension.key === '' ? patch({ key: keyFromName(dimension.name) }) : undefined)}
          />
        </FormField>
        <FormField
          label={t('dgca:editor.dimensions.key')}
          hint={t('dgca:editor.dimensions.keyHint')}
          id={id('key')}
          error={error(`${at}.key`)}
        >
          <input
            className="arch-input"
            maxLength={60}
            spellCheck={false}
            autoCapitalize="none"
            value={dimension.key}
            onChange={(event) => patch({ key: event.target.value })}
          />
        </FormField>
      </div>
      <FormField
        label={t('dgca:editor.dimensions.description')}
        id={id('description')}
        error={error(`${at}.description`)}
      >
        <textarea
          className="arch-input"
          rows={2}
          value={dimension.description}
          onChange={(event) => patch({ description: event.target.value })}
        />
      </FormField>
      <fieldset id={id('statements')} tabIndex={-1} className="studio-fieldset">
        <legend>{t('dgca:editor.statements.title', { name })}</legend>
        {error(`${at}.statements`) ? <p className="arch-field__error">{error(`${at}.statements`)}</p> : null}
        {statements.length === 0 ? <p>{t('dgca:editor.statements.none')}</p> : null}
        <ol className="dgca-list">
          {statements.map((statement, j) => {
            const sid = (field: string) => `dgca-statement-${statement.uid}-${field}`;
            const sat = `${at}.statements.${j}`;
            return (
              <li key={statement.uid} className="dgca-item">
                <FormField
                  label={t('dgca:editor.statements.text', { number: j + 1 })}
                  id={sid('text')}
                  error={error(`${sat}.text`) ?? error(sat)}
                >
                  <textarea
                    className="arch-input"
                    rows={2}
                    maxLength={1000}
                    value={statement.text}
                    onChange={(event) =>
                      patch({
                        statements: statements.map((s) =>
                          s.uid === statement.uid ? { ...s, text: event.target.value } : s,
                        ),
                      })
                    }
                  />
                </FormField>
                <FormField
                  label={t('dgca:editor.statements.guidance', { number: j + 1 })}
                  hint={t('dgca:editor.statements.guidanceHint')}
                  id={sid('guidance')}
                  error={error(`${sat}.guidance`)}
                >
                  <textarea
                    className="arch-input"
                    rows={2}
                    maxLength={2000}
                    value={statement.guidance}
                    onChange={(event) =>
                      patch({
                        statements: statements.map((s) =>
                          s.uid === statement.uid ? { ...s, guidance: event.target.value } : s,
                        ),
                      })
                    }
                  />
                </FormField>
                <MoveButtons
                  idPrefix={`dgca-statement-${statement.uid}`}
                  index={j}
                  count={statements.length}
                  itemName={t('dgca:editor.statements.whom', { number: j + 1, dimension: name })}
                  onMove={(by) => moveStatement(j, by)}
                  onRemove={() => removeStatement(j)}
                  removeLabel={t('dgca:editor.statements.remove')}
                />
              </li>
            );
          })}
        </ol>
        <Button id={addStatementId} variant="secondary" onClick={addStatement}>
          {t('dgca:editor.statements.add')}
          {/* Every dimension has this button: its name tells them apart. */}
          <VisuallyHidden>{t('dgca:editor.statements.addTo', { name })}</VisuallyHidden>
        </Button>
      </fieldset>
      <RecommendationPicker
        uid={dimension.uid}
        dimensionName={name}
        recommendations={dimension.recommendations}
        onChange={(recommendations) => patch({ recommendations })}
        courses={courses}
        error={error(`${at}.recommendations`)}
        focusLater={focusLater}
      />
    </section>
  );
}
