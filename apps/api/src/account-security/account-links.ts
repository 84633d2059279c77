import type { MailLanguage } from '../notifications/mail-templates.js';

/** The page of the learner app that redeems a mailed token, e.g. `https://…/reset-password?token=…`. */
export function accountLink(publicUrl: string, page: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${page}?token=${encodeURIComponent(token)}`;
}

/** "30 November 2026 at 17:04 UTC", in the person's language, for the mail's expiry line. */
export function formatExpiry(expiresAt: Date, language: string): string {
  const formatted = new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(expiresAt);
  return `${formatted} UTC`;
}

export const mailLanguage = (language: string): MailLanguage =>
  language === 'es' || language === 'fr' ? language : 'en';
