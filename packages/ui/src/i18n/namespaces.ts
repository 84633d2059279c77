import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { detectLanguage, isLanguage, type Language } from './languages';
import type { LocaleModule } from './initI18n';

export type NamespaceLoaders = Record<string, Record<Language, () => Promise<LocaleModule>>>;

export interface Namespaces<N extends string> {
  /**
   * Loads the namespaces' strings in the current language, or, while the app is still starting
   * (a page preloaded with the translations), in the language it is about to choose.
   */
  loadNamespaces(namespaces: readonly N[]): Promise<void>;
  /** A page module that renders only once its namespaces' strings are in (for React.lazy). */
  withNamespaces<T>(namespaces: readonly N[], load: () => Promise<T>): () => Promise<T>;
  /** For a part of a page that shows a namespace's strings: true once they are in. */
  useNamespace(namespace: N, enabled?: boolean): boolean;
}

function whenI18nReady(): Promise<void> {
  if (i18next.isInitialized) return Promise.resolve();
  return new Promise((resolve) => i18next.on('initialized', () => resolve()));
}

/**
 * Strings of a feature that only some pages show live in a namespace of their own, downloaded with
 * those pages, so the always-loaded bundle (and the first page) does not grow with every feature.
 * Their keys carry the namespace as a prefix, "certificates:verify.title" (the locale check follows
 * it). Call once per app, with one dynamic import per namespace and language.
 */
export function createNamespaces<L extends NamespaceLoaders>(
  loaders: L,
): Namespaces<Extract<keyof L, string>> {
  type N = Extract<keyof L, string>;
  /** Namespaces some page has asked for: they follow the reader when the language changes. */
  const wanted = new Set<N>();

  // react-i18next re-renders on 'added' store events once this is set, so strings that arrive
  // after the page (a language switch) replace the fallback text at once.
  const rendersOnAdd = whenI18nReady().then(() => {
    i18next.options.react = { ...i18next.options.react, bindI18nStore: 'added' };
  });

  async function loadInto(namespace: N, language: Language): Promise<void> {
    const module = await loaders[namespace]![language]();
    await rendersOnAdd;
    i18next.addResourceBundle(language, namespace, module.default, true, true);
  }

  // A language switch (or the start-up fallback to English) loads the namespaces in use.
  i18next.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    for (const namespace of wanted) {
      if (!i18next.hasResourceBundle(language, namespace))
        loadInto(namespace, language).catch((error: unknown) => console.error(error));
    }
  });

  async function loadNamespaces(namespaces: readonly N[]): Promise<void> {
    const current = i18next.isInitialized ? (i18next.resolvedLanguage ?? i18next.language) : undefined;
    const language = isLanguage(current) ? current : detectLanguage();
    await Promise.all(
      namespaces.map((namespace) => {
        wanted.add(namespace);
        return i18next.isInitialized && i18next.hasResourceBundle(language, namespace)
          ? undefined
          : loadInto(namespace, language);
      }),
    );
  }

  function withNamespaces<T>(namespaces: readonly N[], load: () => Promise<T>): () => Promise<T> {
    return () => Promise.all([load(), loadNamespaces(namespaces)]).then(([module]) => module);
  }

  function useNamespace(namespace: N, enabled = true): boolean {
    const [ready, setReady] = useState(() => i18next.hasResourceBundle(i18next.language, namespace));
    useEffect(() => {
      if (!enabled || ready) return;
      let live = true;
      loadNamespaces([namespace]).then(
        () => live && setReady(true),
        (error: unknown) => console.error(error),
      );
      return () => {
        live = false;
      };
    }, [namespace, enabled, ready]);
    return ready;
  }

  return { loadNamespaces, withNamespaces, useNamespace };
}
