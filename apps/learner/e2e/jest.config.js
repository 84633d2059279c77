import { e2eJestConfig } from '@archipelago/testing/jest-e2e';

/** Browser tests: the built system in Debian's Chromium, every visited page checked with axe-core. */
export default e2eJestConfig(new URL('.', import.meta.url));
