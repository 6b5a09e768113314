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
