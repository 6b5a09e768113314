import { ApiError, createPageApi, unwrap, type Tokens } from '../shared/api';

export interface MemberTokens extends Tokens {
  memberId: string;
}

/**
 * The member's sign-in: tokens in localStorage (a phone stays signed in between visits until the refresh token
 * lapses or the member signs out), a typed client over the portal routes whose 401s trade the refresh token once.
 * Every change of the tokens is told to the page (loyalty:member-session), which shows the sign-in when they are gone.
 */
const memberApi = createPageApi<MemberTokens>({
  storage: () => localStorage,
  key: 'loyalty.member.tokens',
  refreshPath: '/api/v1/portal/auth/refresh',
  // A survey invitation's link is its own key: no sign-in.
  openRoutes: /^\/api\/v1\/portal\/(auth\/(code|login|register|refresh|agreements)|surveys\/[^/]+(\/answers)?)$/,
  keep: (answer) => ({ accessToken: answer.accessToken, refreshToken: answer.refreshToken, memberId: answer.memberId }),
  logout: (client) => client.POST('/api/v1/portal/auth/logout'),
  onChange: () => window.dispatchEvent(new Event('loyalty:member-session')),
});

export const { api: portal, session: memberSession, signOut: signOutMember } = memberApi;

/**
 * A portal download or a body to send again after a refresh (me/export, me/erasure): fetch with the member's token
 * and one refresh. 404 is reported as NOT_AVAILABLE so the page can say the service is not offered.
 */
export async function portalFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await memberApi.authorizedFetch(path, init);
  if (res.status === 404) {
    throw new ApiError(404, 'NOT_AVAILABLE', 'not available yet');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText);
  }
  return res;
}

/** Sends a sign-in code by SMS; the answer says how long it works (seconds). */
export async function sendSignInCode(phone: string): Promise<{ expiresIn: number }> {
  return unwrap(await portal.POST('/api/v1/portal/auth/code', { body: { phone } }));
}

/** Signs in with the phone and its code; the page follows (loyalty:member-session). */
export async function signInWithCode(phone: string, code: string): Promise<void> {
  const tokens = unwrap(await portal.POST('/api/v1/portal/auth/login', { body: { phone, code } }));
  memberSession.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, memberId: tokens.memberId });
}

/** The versions of the membership terms and the privacy notice in force (GET auth/agreements), to agree to at sign-up. */
export async function agreementsInForce(): Promise<{ terms: string; privacy: string }> {
  const { documents } = unwrap(await portal.GET('/api/v1/portal/auth/agreements'));
  const version = (document: 'terms' | 'privacy') => documents.find((d) => d.document === document)?.version ?? '';
  return { terms: version('terms'), privacy: version('privacy') };
}

/**
 * Joins with the phone, the code that was sent to it (still valid after PHONE_NOT_REGISTERED), a name and the
 * versions of the terms and privacy notice the member agreed to; signs in at once.
 */
export async function registerWithCode(input: {
  phone: string;
  code: string;
  name: string;
  agreements: { terms: string; privacy: string };
}): Promise<void> {
  const tokens = unwrap(await portal.POST('/api/v1/portal/auth/register', { body: input }));
  memberSession.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, memberId: tokens.memberId });
}
