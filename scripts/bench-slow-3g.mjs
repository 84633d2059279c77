// The lesson page on a slow connection, for `pnpm bench`: Chromium's "Slow 3G" network conditions
// (DevTools' preset: 2,000 ms of latency, 50,000 bytes/s down and up), a learner signed in, the
// time from navigation to the lesson's text on screen — with an empty cache, then with the code
// cached (a second lesson). Needs Debian's Chromium (CHROMIUM_PATH) and a build of packages/testing.
import { launchBrowser } from '../packages/testing/dist/index.js';

const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** Milliseconds from navigation until the lesson text is visible, and the bytes transferred. */
async function timeToText(page, cdp, url) {
  let bytes = 0;
  const count = ({ encodedDataLength }) => (bytes += encodedDataLength);
  cdp.on('Network.loadingFinished', count);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('.reader-prose p').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  cdp.off('Network.loadingFinished', count);
  return { ms, bytes };
}

export async function measureSlow3g(baseUrl, cookie, lessonPaths) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    const cold = await timeToText(page, cdp, `${baseUrl}${lessonPaths[0]}`);
    const warm = await timeToText(page, cdp, `${baseUrl}${lessonPaths[1]}`);
    return { cold, warm };
  } finally {
    await browser.close();
  }
}
