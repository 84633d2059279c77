import { useEffect, useRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import {
  DIMENSIONS,
  DISAGGREGATIONS,
  MEASURES,
  type Dimension,
  type Disaggregation,
  type Measure,
} from './reportTypes';
import type { ReportWords } from './useReportWords';

export interface BreakdownChoice {
  by: Dimension;
  disaggregate: Disaggregation;
  measure: Measure;
}

/** What to break the figures down by, how to split each group, and which measure the chart draws. */
export function BreakdownChoiceForm({
  choice,
  words,
  onShow,
}: {
  choice: BreakdownChoice;
  words: ReportWords;
  /** Called when the person asks for a breakdown (the page then says when it is there). */
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const refocus = useRef(false);
  const address = params.toString();

  // The form is redrawn from the address after each change; focus goes back to its button
  // rather than to the top of the page.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }, [address]);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    for (const name of ['by', 'disaggregate', 'measure']) next.set(name, String(form.get(name) ?? ''));
    refocus.current = true;
    onShow();
    setParams(next);
  };

  return (
    <form
      className="studio-filters"
      aria-label={t('reports:breakdown.formLabel')}
      onSubmit={show}
      key={address}
      ref={formRef}
    >
      <FormField label={t('reports:breakdown.by')}>
        <select className="arch-input" name="by" defaultValue={choice.by}>
          {DIMENSIONS.map((by) => (
            <option key={by} value={by}>
              {words.dimension(by)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('reports:breakdown.disaggregate')} hint={t('reports:breakdown.disaggregateHint')}>
        <select className="arch-input" name="disaggregate" defaultValue={choice.disaggregate}>
          {DISAGGREGATIONS.map((split) => (
            <option key={split} value={split}>
              {words.disaggregation(split)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('reports:breakdown.measure')}>
        <select className="arch-input" name="measure" defaultValue={choice.measure}>
          {MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {words.measure(measure)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="arch-actions">
        <Button type="submit">{t('reports:breakdown.show')}</Button>
      </div>
    </form>
  );
}
