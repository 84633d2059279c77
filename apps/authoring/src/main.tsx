import '@archipelago/ui/styles.css';
import './studio.css';
import { startApp } from '@archipelago/ui';
import { App } from './App';
import { localeLoaders } from './locales/loaders';
import { preloadRoute } from './routes';

startApp({ App, loaders: localeLoaders, preloadRoute });
