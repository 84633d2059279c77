import type { TestApp } from './test-app.js';

/** A signed-in browser: the session cookie, the CSRF token to echo, and where it signed in from. */
export interface TestSession {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
  ip: string;
}

// Spec files share one database (and so the sign-in rate limit): each file draws its own range.
const range = 1 + Math.floor(Math.random() * 250);
let nextAddress = 1;

/** Signs in through the API from a fresh address each time, so the sign-in rate limit never interferes. */
export async function signIn(t: TestApp, email: string, password: string): Promise<TestSession> {
  const address = nextAddress++;
  const ip = `10.${range}.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
  const res = await t.http.post('/api/auth/login').set('x-forwarded-for', ip).send({ email, password });
  if (res.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    userId: res.body.user.id as string,
    email,
    password,
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    csrf: res.body.csrfToken as string,
    ip,
  };
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A request as this person (or anonymous), with the CSRF header on unsafe methods. */
export function call(t: TestApp, session: TestSession | undefined, method: Method, path: string) {
  const req = t.http[method](path);
  if (session) {
    req.set('cookie', session.cookie);
    if (method !== 'get') req.set('x-csrf-token', session.csrf);
  }
  return req;
}

export const DEMO = {
  admin: { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' },
  institutionAdmin: {
    email: 'institution-admin@demo.archipelago.local',
    password: 'demo-institution-password',
  },
  trainer: { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' },
  learner: { email: 'learner@demo.archipelago.local', password: 'demo-learner-password' },
} as const;

export const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
