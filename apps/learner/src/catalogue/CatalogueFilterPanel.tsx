import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useFormatters } from '@archipelago/ui';
import {
  filterCount,
  LANGUAGES,
  LENGTHS,
  toggled,
  type CatalogueFilters,
  type CourseLength,
} from './catalogue-filters';
import { languageName } from './course-facts';
import type { CatalogueFacets } from './useFacets';
import './catalogue-filters.css';

export interface CatalogueFilterPanelProps {
  filters: CatalogueFilters;
  /** Null while the facets load, or if they could not: every option is offered without counts. */
  facets: CatalogueFacets | null;
  onChange: (next: CatalogueFilters) => void;
}

interface Option<T extends string> {
  value: T;
  count?: number;
}

/** The facet's options, plus any chosen value it lacks (from an old link), so it can be unticked. */
function withChosen<T extends string>(options: Option<T>[], chosen: T[]): Option<T>[] {
  const missing = chosen.filter((value) => !options.some((option) => option.value === value));
  return [...options, ...missing.map((value) => ({ value, count: 0 }))];
}

// Wide screens have room to show the filters at once; on a phone they start folded away unless
// some are in use, so the courses are not pushed below the fold.
const startsOpen = (filters: CatalogueFilters) =>
  filterCount(filters) > 0 || window.matchMedia('(min-width: 48rem)').matches;

/**
 * Topic, language and length filters as native checkboxes and radio buttons in fieldsets, inside a
 * disclosure. Each change applies at once (the results update below, focus stays put and the new
 * count is announced by the page); "Clear filters" returns focus to the disclosure.
 */
export function CatalogueFilterPanel({ filters, facets, onChange }: CatalogueFilterPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ids = useId();
  const summaryRef = useRef<HTMLElement>(null);
  const [open] = useState(() => startsOpen(filters));
  const active = filterCount(filters);

  const label = (text: string, count: number | undefined) =>
    count === undefined ? text : t('catalogue.filters.option', { label: text, count: format.number(count) });
  const topics = withChosen(facets?.topics ?? [], filters.topics);
  const languages = withChosen<(typeof LANGUAGES)[number]>(
    facets?.languages ?? LANGUAGES.map((value) => ({ value })),
    filters.languages,
  );
  const lengthCount = (value: CourseLength) => facets?.lengths.find((band) => band.value === value)?.count;

  const clear = () => {
    onChange({ ...filters, topics: [], languages: [], length: null });
    summaryRef.current?.focus();
  };

  return (
    <div className="catalogue-filters">
      <details open={open}>
        <summary ref={summaryRef}>
          {t('catalogue.filters.title')}
          {active > 0 ? (
            <span className="catalogue-filters__selected">
              {t('catalogue.filters.selected', { number: format.number(active) })}
            </span>
          ) : null}
        </summary>
        <div className="catalogue-filters__groups">
          {topics.length > 0 ? (
            <fieldset className="catalogue-fieldset" aria-describedby={`${ids}-topic-hint`}>
              <legend>{t('catalogue.filters.topic')}</legend>
              <p className="arch-field__hint" id={`${ids}-topic-hint`}>
                {t('catalogue.filters.topicHint')}
              </p>
              <ul className="catalogue-choices catalogue-choices--columns">
                {topics.map(({ value, count }) => (
                  <li key={value}>
                    <label className="catalogue-choice">
                      <input
                        type="checkbox"
                        name="topic"
                        value={value}
                        checked={filters.topics.includes(value)}
                        onChange={(event) =>
                          onChange({
                            ...filters,
                            topics: toggled(filters.topics, value, event.target.checked),
                          })
                        }
                      />
                      {label(value, count)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}

          <fieldset className="catalogue-fieldset" aria-describedby={`${ids}-language-hint`}>
            <legend>{t('catalogue.filters.language')}</legend>
            <p className="arch-field__hint" id={`${ids}-language-hint`}>
              {t('catalogue.filters.languageHint')}
            </p>
            <ul className="catalogue-choices">
              {languages.map(({ value, count }) => (
                <li key={value}>
                  <label className="catalogue-choice">
                    <input
                      type="checkbox"
                      name="language"
                      value={value}
                      checked={filters.languages.includes(value)}
                      onChange={(event) =>
                        onChange({
                          ...filters,
                          languages: toggled(filters.languages, value, event.target.checked),
                        })
                      }
                    />
                    {label(languageName(value, format.language), count)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <fieldset className="catalogue-fieldset">
            <legend>{t('catalogue.filters.length')}</legend>
            <ul className="catalogue-choices">
              <li>
                <label className="catalogue-choice">
                  <input
                    type="radio"
                    name="length"
                    value=""
                    checked={filters.length === null}
                    onChange={() => onChange({ ...filters, length: null })}
                  />
                  {t('catalogue.filters.anyLength')}
                </label>
              </li>
              {LENGTHS.map((value) => (
                <li key={value}>
                  <label className="catalogue-choice">
                    <input
                      type="radio"
                      name="length"
                      value={value}
                      checked={filters.length === value}
                      onChange={() => onChange({ ...filters, length: value })}
                    />
                    {label(t(`catalogue.filters.lengths.${value}`), lengthCount(value))}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      </details>
      {active > 0 ? (
        <Button variant="secondary" onClick={clear}>
          {t('catalogue.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
