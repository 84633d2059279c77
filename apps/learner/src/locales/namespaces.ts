import { createNamespaces } from '@archipelago/ui';

// Strings that only some pages show, downloaded with those pages (see createNamespaces).
const namespaces = createNamespaces({
  assessments: {
    en: () => import('./assessments/en.json'),
    es: () => import('./assessments/es.json'),
    fr: () => import('./assessments/fr.json'),
  },
  certificates: {
    en: () => import('./certificates/en.json'),
    es: () => import('./certificates/es.json'),
    fr: () => import('./certificates/fr.json'),
  },
  quiz: {
    en: () => import('./quiz/en.json'),
    es: () => import('./quiz/es.json'),
    fr: () => import('./quiz/fr.json'),
  },
  scorm: {
    en: () => import('./scorm/en.json'),
    es: () => import('./scorm/es.json'),
    fr: () => import('./scorm/fr.json'),
  },
});

export const { loadNamespaces, withNamespaces, useNamespace } = namespaces;
