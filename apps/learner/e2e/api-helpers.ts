// Talks to the running API the way another person would, from outside the browser: to set up what
// a test needs (an invitation) and to read the mail the system sent (the outbox).

import { signInToApi, type ApiSession } from '@archipelago/testing';

export { signInToApi, type ApiSession };

interface OutboxPage {
  items: { id: string; template: string; createdAt: string }[];
}

/**
 * The path and query of the newest link to `page` (e.g. "/reset-password") mailed to `recipient`,
 * read from the outbox as a platform admin. The mail's host is the configured public URL, so the
 * test keeps only the path and opens it on the system under test.
 */
export async function mailedLink(admin: ApiSession, recipient: string, page: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s]+${page.replace(/[/]/g, '\\/')}\\?token=[^\\s]+`);
  for (let tries = 0; tries < 50; tries += 1) {
    const list = await admin.get<OutboxPage>(
      `/api/outbox?recipient=${encodeURIComponent(recipient)}&pageSize=20`,
    );
    for (const item of list.items) {
      const message = await admin.get<{ textBody: string }>(`/api/outbox/${item.id}`);
      const link = pattern.exec(message.textBody)?.[0];
      if (link) {
        const url = new URL(link);
        return `${url.pathname}${url.search}`;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${recipient} with a link to ${page}`);
}
