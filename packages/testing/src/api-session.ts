// Talks to the running API the way another person would, from outside the browser: for browser
// tests that set up what they need as someone other than the person at the keyboard.

let nextAddress = 10;

/** A distinct client address per sign-in, so the per-address sign-in limit never trips a test. */
function freshAddress(): string {
  nextAddress += 1;
  return `198.51.100.${nextAddress}`;
}

/** A signed-in person's calls to the API, with their cookie and CSRF token. */
export interface ApiSession {
  me: { csrfToken: string; user: { id: string; email: string } };
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

/** The session a sign-in (or sign-up) answer started: its cookie, and the CSRF token it gave. */
async function sessionFrom(baseUrl: string, response: Response): Promise<ApiSession> {
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = (await response.json()) as ApiSession['me'];
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path} failed: ${answer.status} ${await answer.text()}`);
    const text = await answer.text();
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    me,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}

/** Signs in through POST /api/auth/login and returns helpers that send the cookie and CSRF token. */
export async function signInToApi(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return sessionFrom(baseUrl, response);
}

/** Makes an account through POST /api/auth/sign-up (open sign-up) and returns its session. */
export async function signUpToApi(
  baseUrl: string,
  account: { email: string; password: string; displayName: string; preferredLanguage?: string },
): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
    body: JSON.stringify({ preferredLanguage: 'en', ...account }),
  });
  if (response.status !== 201)
    throw new Error(`Sign-up as ${account.email} failed: ${response.status} ${await response.text()}`);
  return sessionFrom(baseUrl, response);
}
