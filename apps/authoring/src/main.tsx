import '@archipelago/ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '@archipelago/ui';
import { App } from './App';
import { localeLoaders } from './locales/loaders';
import { preloadRoute } from './routes';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// Fetch the current page's code while the translations download, instead of one after the other.
preloadRoute(window.location.pathname);

initI18n({ loaders: localeLoaders })
  .catch((error: unknown) => console.error('Could not load translations', error))
  .finally(() => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
