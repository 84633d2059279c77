import {
  phraseAt,
  readLocales,
  SERVER_LANGUAGES,
  serverLanguage,
  type ServerLanguage,
} from '../common/i18n/server-languages.js';

/** The languages invitations and other e-mails are written in (a request may choose one). */
export const MAIL_LANGUAGES = SERVER_LANGUAGES;
export type MailLanguage = ServerLanguage;

export type MailTemplate =
  | 'invitation'
  | 'verifyEmail'
  | 'passwordReset'
  | 'changeEmail'
  | 'passwordChanged'
  | 'quizGraded'
  | 'reminder'
  | 'cohortEnrolled'
  | 'dgcaRoundOpened';

type Strings = Record<string, unknown>;

const strings = readLocales<Strings>(new URL('./locales/', import.meta.url));

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  template: MailTemplate;
  language: string;
  /** Values for the placeholders; `name` is used in the greeting. */
  params: Record<string, string>;
  /** The link the person should follow, if any. */
  actionUrl?: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const lookup = (language: MailLanguage, path: string) => phraseAt(strings[language], path);

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
}

/** Renders a message in the person's language (English when we have no translation for it). */
export function renderMail({ template, language, params, actionUrl }: MailContent): RenderedMail {
  const lang = serverLanguage(language);
  const t = (key: string) => fill(lookup(lang, key) ?? lookup('en', key) ?? '', params);
  const subject = t(`${template}.subject`);
  const paragraphs = [t('greeting'), t(`${template}.body`)];
  const expiry = lookup(lang, `${template}.expiry`) ? t(`${template}.expiry`) : undefined;
  const closing = [t('ignore'), t('signature')];
  const text = [
    ...paragraphs,
    ...(actionUrl ? [`${t(`${template}.action`)}: ${actionUrl}`] : []),
    ...(expiry ? [expiry] : []),
    ...closing,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1b1b1b">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    actionUrl ? `<p><a href="${escapeHtml(actionUrl)}">${escapeHtml(t(`${template}.action`))}</a></p>` : '',
    expiry ? `<p>${escapeHtml(expiry)}</p>` : '',
    ...closing.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

/** The localized word for a role, for use inside a message. */
export function roleName(language: string, role: string): string {
  const lang = serverLanguage(language);
  return lookup(lang, `roles.${role}`) ?? role;
}

/** A localized phrase to place inside a message's parameters, such as a trainer's quoted comment. */
export function mailPhrase(language: string, key: string, params: Record<string, string>): string {
  const lang = serverLanguage(language);
  return fill(lookup(lang, key) ?? lookup('en', key) ?? '', params);
}
