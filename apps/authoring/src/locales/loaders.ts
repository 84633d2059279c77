import type { LocaleLoaders } from '@archipelago/ui';

// One dynamic import per language so Vite emits each as its own chunk and a learner downloads one.
export const localeLoaders: LocaleLoaders = {
  en: () => import('./en.json'),
  es: () => import('./es.json'),
  fr: () => import('./fr.json'),
};
