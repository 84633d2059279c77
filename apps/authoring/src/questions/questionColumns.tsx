import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { TableColumn } from '@archipelago/ui';
import type { QuestionSummary } from './questions-api';

/** The bank's columns; the first (the name) is given, a link on the bank page, a checkbox in a dialog. */
export function questionColumns(
  t: TFunction,
  first: (row: QuestionSummary) => ReactNode,
): TableColumn<QuestionSummary>[] {
  return [
    { key: 'name', header: t('questions.columns.name'), render: first },
    { key: 'type', header: t('questions.columns.type'), render: (row) => t(`questions.types.${row.type}`) },
    { key: 'category', header: t('questions.columns.category'), render: (row) => row.category },
    { key: 'tags', header: t('questions.columns.tags'), render: (row) => row.tags.join(', ') },
    { key: 'points', header: t('questions.columns.points'), render: (row) => String(row.points) },
    { key: 'version', header: t('questions.columns.version'), render: (row) => String(row.version) },
    { key: 'usedIn', header: t('questions.columns.usedIn'), render: (row) => String(row.usedIn) },
  ];
}
