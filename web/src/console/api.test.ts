import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the console sent: method, path and bearer token of each request. */
interface Sent {
  method: string;
  path: string;
  bearer: string | null;
}

/** A console tab without a browser: sessionStorage, window and a fetch that answers like the API. */
function fakeTab(answer: (sent: Sent, body: string) => Response) {
  const sent: Sent[] = [];
  const storage = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
    removeItem: (k: string) => storage.delete(k),
  });
  vi.stubGlobal('window', { location: { origin: 'http://console.test' }, dispatchEvent: () => true });
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    // The console's own calls (the refresh) name a path: the browser resolves it against the page.
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://console.test'), init);
    const bearer = request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
    const one = { method: request.method, path: new URL(request.url).pathname, bearer };
    sent.push(one);
    return answer(one, await request.text());
  });
  return { sent, storage };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('console sign-out', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks the server to end the sign-in with the access token, then forgets the tokens', async () => {
    const tab = fakeTab(() => new Response(null, { status: 204 }));
    const { session, signOutOfConsole } = await import('./api');
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await signOutOfConsole();
    expect(tab.sent).toEqual([{ method: 'POST', path: '/api/v1/admin/auth/logout', bearer: 'access-1' }]);
    expect(session.tokens).toBeNull();
    expect(tab.storage.size).toBe(0);
  });

  it('with an expired access token, refreshes once and signs out with the fresh one (the refresh family ends too)', async () => {
    const tab = fakeTab((sent, body) => {
      if (sent.path.endsWith('/refresh')) {
        expect(JSON.parse(body)).toEqual({ refreshToken: 'refresh-1' });
        return json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, refreshExpiresIn: 43200 });
      }
      return sent.bearer === 'access-2' ? new Response(null, { status: 204 }) : json(401, { code: 'UNAUTHENTICATED' });
    });
    const { session, signOutOfConsole } = await import('./api');
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await signOutOfConsole();
    expect(tab.sent.map((s) => `${s.path} ${s.bearer ?? '-'}`)).toEqual([
      '/api/v1/admin/auth/logout access-1',
      '/api/v1/admin/auth/refresh -',
      '/api/v1/admin/auth/logout access-2',
    ]);
    expect(session.tokens).toBeNull();
  });

  it('forgets the tokens even when the server cannot be reached', async () => {
    fakeTab(() => {
      throw new TypeError('Failed to fetch');
    });
    const { session, signOutOfConsole } = await import('./api');
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await signOutOfConsole();
    expect(session.tokens).toBeNull();
  });
});

/** A JWT whose payload carries exp (seconds); the signature is not the client's business. */
const jwt = (exp: number, name: string) =>
  `h.${btoa(JSON.stringify({ exp, name })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

describe('console session: a lapsed access token never loses a save', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a save answered 401 is refreshed and sent once more with the same body and the fresh token', async () => {
    const bodies: string[] = [];
    const tab = fakeTab((sent, body) => {
      if (sent.path.endsWith('/refresh')) {
        return json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, refreshExpiresIn: 43200 });
      }
      bodies.push(body);
      return sent.bearer === 'access-2' ? json(201, { clubId: 'c-1' }) : json(401, { code: 'UNAUTHENTICATED' });
    });
    const { api, session } = await import('./api');
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const body = { code: 'BABY', nameZh: '母婴俱乐部', nameEn: 'Baby club', joinPolicy: 'open' } as const;
    const res = await api.POST('/api/v1/admin/clubs', { body: body as never });
    expect(res.response.status).toBe(201);
    expect(tab.sent.map((s) => `${s.method} ${s.path} ${s.bearer ?? '-'}`)).toEqual([
      'POST /api/v1/admin/clubs access-1',
      'POST /api/v1/admin/auth/refresh -',
      'POST /api/v1/admin/clubs access-2',
    ]);
    expect(bodies.map((b) => JSON.parse(b) as unknown)).toEqual([body, body]);
    expect(session.tokens).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('an access token within 30 s of its expiry is traded before the request, which goes out once', async () => {
    const soon = jwt(Math.floor(Date.now() / 1000) + 10, 'old');
    const fresh = jwt(Math.floor(Date.now() / 1000) + 900, 'new');
    const tab = fakeTab((sent) =>
      sent.path.endsWith('/refresh')
        ? json(200, { accessToken: fresh, refreshToken: 'refresh-2', expiresIn: 900, refreshExpiresIn: 43200 })
        : json(200, { ok: true }),
    );
    const { api, session } = await import('./api');
    session.set({ accessToken: soon, refreshToken: 'refresh-1' });
    await api.GET('/api/v1/admin/auth/me');
    expect(tab.sent.map((s) => `${s.path} ${s.bearer === fresh ? 'fresh' : (s.bearer ?? '-')}`)).toEqual([
      '/api/v1/admin/auth/refresh -',
      '/api/v1/admin/auth/me fresh',
    ]);
  });

  it('a token far from its expiry is sent as it is', async () => {
    const later = jwt(Math.floor(Date.now() / 1000) + 600, 'ok');
    const tab = fakeTab(() => json(200, { ok: true }));
    const { api, session } = await import('./api');
    session.set({ accessToken: later, refreshToken: 'refresh-1' });
    await api.GET('/api/v1/admin/auth/me');
    expect(tab.sent.map((s) => s.path)).toEqual(['/api/v1/admin/auth/me']);
  });
});

describe('console error words', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an API error carries the console dictionary’s words in the language chosen, the server’s English kept aside', async () => {
    vi.resetModules();
    fakeTab(() => json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The email or the password is wrong.' }));
    const { api } = await import('./api');
    const { unwrap, ApiError } = await import('../shared/api');
    const { speakErrorsIn } = await import('./error-messages');
    speakErrorsIn('zh-CN');
    const error = await Promise.resolve(api.POST('/api/v1/admin/auth/login', { body: { email: 'a@b.cn', password: 'x' } }))
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as InstanceType<typeof ApiError>).message).toBe('邮箱或密码错误。');
    expect((error as InstanceType<typeof ApiError>).serverMessage).toBe('The email or the password is wrong.');
    speakErrorsIn('en');
    const english = await Promise.resolve(api.POST('/api/v1/admin/auth/login', { body: { email: 'a@b.cn', password: 'x' } }))
      .then(unwrap)
      .catch((e: unknown) => e);
    expect((english as Error).message).toBe('The email or the password is wrong.');
  });

  it('a status without a code keeps the server’s words', async () => {
    const { unwrap } = await import('../shared/api');
    const { speakErrorsIn } = await import('./error-messages');
    speakErrorsIn('zh-CN');
    const result = { error: { message: 'Bad gateway' }, response: new Response(null, { status: 502, statusText: 'Bad Gateway' }) };
    expect(() => unwrap(result)).toThrow('Bad gateway');
  });
});

describe('console session: a sign-in that has ended', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an access token about to lapse whose refresh is refused signs the tab out (the sign-in page shows)', async () => {
    vi.resetModules();
    const soon = jwt(Math.floor(Date.now() / 1000) + 5, 'old');
    const tab = fakeTab((sent) =>
      sent.path.endsWith('/refresh') ? json(401, { code: 'UNAUTHENTICATED' }) : json(401, { code: 'UNAUTHENTICATED' }),
    );
    const events: string[] = [];
    vi.stubGlobal('window', { location: { origin: 'http://console.test' }, dispatchEvent: (e: Event) => events.push(e.type) });
    const { api, session } = await import('./api');
    session.set({ accessToken: soon, refreshToken: 'refresh-1' });
    await api.GET('/api/v1/admin/auth/me');
    expect(events).toContain('loyalty:signed-out');
    expect(session.tokens).toBeNull();
    expect(tab.sent.map((s) => `${s.path} ${s.bearer ?? '-'}`)).toEqual(['/api/v1/admin/auth/refresh -', '/api/v1/admin/auth/me -']);
  });
});
