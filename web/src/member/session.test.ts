import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the member page sent: method, path and bearer token of each request. */
interface Sent {
  method: string;
  path: string;
  bearer: string | null;
}

/** A phone without a browser: localStorage, window (with its events) and a fetch that answers like the API. */
function fakePhone(answer: (sent: Sent, body: string) => Response) {
  const sent: Sent[] = [];
  const events: string[] = [];
  const storage = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
    removeItem: (k: string) => storage.delete(k),
  });
  vi.stubGlobal('window', { location: { origin: 'http://m.test' }, dispatchEvent: (e: Event) => events.push(e.type) > 0 });
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://m.test'), init);
    const bearer = request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
    const one = { method: request.method, path: new URL(request.url).pathname, bearer };
    sent.push(one);
    return answer(one, await request.text());
  });
  return { sent, events, storage };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const TOKENS = { accessToken: 'access-1', refreshToken: 'refresh-1', memberId: 'm-1' };

/** The member page's flavour of the one client (shared/api.ts): localStorage, portal routes, the member's id kept. */
describe('member page client', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('on a 401 trades the refresh token at the portal route, keeps the member id, and sends the GET again', async () => {
    const phone = fakePhone((sent, body) => {
      if (sent.path === '/api/v1/portal/auth/refresh') {
        expect(JSON.parse(body)).toEqual({ refreshToken: 'refresh-1' });
        return json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', memberId: 'm-1', expiresIn: 900, refreshExpiresIn: 1 });
      }
      return sent.bearer === 'access-2' ? json(200, { balance: 5 }) : json(401, { code: 'UNAUTHENTICATED' });
    });
    const { memberSession, portal } = await import('./session');
    memberSession.set(TOKENS);
    const res = await portal.GET('/api/v1/portal/me/points');
    expect(res.response.status).toBe(200);
    expect(phone.sent.map((s) => `${s.path} ${s.bearer ?? '-'}`)).toEqual([
      '/api/v1/portal/me/points access-1',
      '/api/v1/portal/auth/refresh -',
      '/api/v1/portal/me/points access-2',
    ]);
    expect(JSON.parse(phone.storage.get('loyalty.member.tokens') ?? 'null')).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      memberId: 'm-1',
    });
    expect(phone.events).toEqual(['loyalty:member-session', 'loyalty:member-session']);
  });

  it('never sends the access token to the sign-in routes; a refused refresh forgets the tokens', async () => {
    const phone = fakePhone((sent) => (sent.path === '/api/v1/portal/auth/code' ? json(201, { sent: true }) : json(401, {})));
    const { memberSession, portal } = await import('./session');
    memberSession.set(TOKENS);
    await portal.POST('/api/v1/portal/auth/code', { body: { phone: '+8613800138000' } });
    await portal.GET('/api/v1/portal/me');
    expect(phone.sent.map((s) => `${s.path} ${s.bearer ?? '-'}`)).toEqual([
      '/api/v1/portal/auth/code -',
      '/api/v1/portal/me access-1',
      '/api/v1/portal/auth/refresh -',
    ]);
    expect(memberSession.tokens).toBeNull();
    expect(phone.storage.size).toBe(0);
  });

  it('signs out at the portal route and forgets the tokens', async () => {
    const phone = fakePhone(() => new Response(null, { status: 204 }));
    const { memberSession, signOutMember } = await import('./session');
    memberSession.set(TOKENS);
    await signOutMember();
    expect(phone.sent).toEqual([{ method: 'POST', path: '/api/v1/portal/auth/logout', bearer: 'access-1' }]);
    expect(memberSession.tokens).toBeNull();
  });
});
