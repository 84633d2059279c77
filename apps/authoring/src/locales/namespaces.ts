import { createNamespaces } from '@archipelago/ui';

// Strings that only some pages show, downloaded with those pages (see createNamespaces). Keys carry
// their namespace as a prefix, "cohorts:list.title".
const namespaces = createNamespaces({
  cohorts: {
    en: () => import('./cohorts/en.json'),
    es: () => import('./cohorts/es.json'),
    fr: () => import('./cohorts/fr.json'),
  },
  cohortProgress: {
    en: () => import('./cohortProgress/en.json'),
    es: () => import('./cohortProgress/es.json'),
    fr: () => import('./cohortProgress/fr.json'),
  },
  reports: {
    en: () => import('./reports/en.json'),
    es: () => import('./reports/es.json'),
    fr: () => import('./reports/fr.json'),
  },
  dgca: {
    en: () => import('./dgca/en.json'),
    es: () => import('./dgca/es.json'),
    fr: () => import('./dgca/fr.json'),
  },
  dgcaResults: {
    en: () => import('./dgcaResults/en.json'),
    es: () => import('./dgcaResults/es.json'),
    fr: () => import('./dgcaResults/fr.json'),
  },
  dgcaActions: {
    en: () => import('./dgcaActions/en.json'),
    es: () => import('./dgcaActions/es.json'),
    fr: () => import('./dgcaActions/fr.json'),
  },
});

export const { loadNamespaces, withNamespaces, useNamespace } = namespaces;
