// Signed-in people for the benchmarks (scripts/bench-*.mjs): each with the session cookie and CSRF
// token of a real sign-in, and learners who signed up themselves, each from a client address of
// their own (as many learners on their own devices; sign-up and sign-in are rate-limited per address).

let nextAddress = 0;
export const address = () => {
  nextAddress += 1;
  return `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
};

/** A signed-in person's JSON calls (cookie and CSRF token); throws on any failure. */
export async function session(base, account) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`sign-in as ${account.email} failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await response.json();
  const request = async (method, path, body) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const call = async (method, path, body) => {
    const answer = await request(method, path, body);
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.status === 204 ? null : answer.json();
  };
  return { cookie, csrfToken, call, request, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** A new learner, signed up and signed in. */
export async function newLearner(base, label, i) {
  const account = {
    email: `${label}-${Date.now().toString(36)}-${i}@example.org`,
    password: 'a long benchmark password',
  };
  const signedUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
    body: JSON.stringify({ ...account, displayName: `Benchmark learner ${i + 1}`, preferredLanguage: 'en' }),
  });
  if (!signedUp.ok) throw new Error(`sign-up failed: ${signedUp.status} ${await signedUp.text()}`);
  return session(base, account);
}

/** Runs `work(item, index)` over `items`, at most `concurrency` at a time. */
export async function inParallel(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };
