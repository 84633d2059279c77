export { createTestDatabase, type TestDatabase } from './database.js';
export { startSystem, REPO_ROOT, type RunningSystem } from './system.js';
export { launchBrowser, visit, CHROMIUM_PATH } from './browser.js';
export { checkAccessibility } from './accessibility.js';
export { signInToApi, signUpToApi, type ApiSession } from './api-session.js';
