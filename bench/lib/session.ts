/** Signs in over HTTP like the web app: the session cookie plus the CSRF token unsafe requests need. */
export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a JSON API call with this session. */
  headers: Record<string, string>;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('wd_session='));
  if (!session) throw new Error('login answered without a wd_session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = session.split(';')[0];
  return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}
