import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { ApiError } from '../shared/api';

/**
 * The member's sign-in: tokens in localStorage (a phone stays signed in between visits until the refresh token
 * lapses or the member signs out), a typed client over the portal routes whose 401s trade the refresh token once.
 */
const TOKENS_KEY = 'loyalty.member.tokens';

export interface MemberTokens {
  accessToken: string;
  refreshToken: string;
  memberId: string;
}

function readTokens(): MemberTokens | null {
  try {
    const raw = localStorage.getItem(TOKENS_KEY);
    return raw ? (JSON.parse(raw) as MemberTokens) : null;
  } catch {
    return null;
  }
}

export const memberSession = {
  tokens: readTokens(),
  set(tokens: MemberTokens | null): void {
    this.tokens = tokens;
    try {
      if (tokens) {
        localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
      } else {
        localStorage.removeItem(TOKENS_KEY);
      }
    } catch {
      // private mode: signed in for this visit only
    }
    window.dispatchEvent(new Event('loyalty:member-session'));
  },
};

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair once; concurrent 401s share it. A refused refresh signs out. */
export async function refreshMemberTokens(): Promise<boolean> {
  const current = memberSession.tokens;
  if (!current) {
    return false;
  }
  refreshing ??= fetch('/api/v1/portal/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) {
        memberSession.set(null);
        return false;
      }
      const body = (await res.json()) as MemberTokens;
      memberSession.set({ accessToken: body.accessToken, refreshToken: body.refreshToken, memberId: body.memberId });
      return true;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const isOpenRoute = (url: string) => /\/api\/v1\/portal\/auth\/(code|login|register|refresh)$/.test(new URL(url).pathname);

const auth: Middleware = {
  onRequest({ request }) {
    if (memberSession.tokens && !isOpenRoute(request.url)) {
      request.headers.set('Authorization', `Bearer ${memberSession.tokens.accessToken}`);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || !memberSession.tokens || isOpenRoute(request.url)) {
      return response;
    }
    if (!(await refreshMemberTokens()) || request.method !== 'GET') {
      return response; // a body cannot be sent twice: the member repeats the action with the fresh token
    }
    const retry = new Request(request);
    retry.headers.set('Authorization', `Bearer ${memberSession.tokens.accessToken}`);
    return fetch(retry);
  },
};

/** The typed client for the portal (paths from the generated OpenAPI schema). */
export const portal = createClient<paths>({ baseUrl: window.location.origin });
portal.use(auth);

/**
 * A portal route the generated schema does not have yet (me/export, me/erasure): plain fetch with the member's token
 * and one refresh. 404 is reported as NOT_AVAILABLE so the page can say the service is not offered yet.
 */
export async function portalFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = () =>
    fetch(path, {
      ...init,
      headers: { ...(init.headers ?? {}), Authorization: `Bearer ${memberSession.tokens?.accessToken ?? ''}` },
    });
  let res = await send();
  if (res.status === 401 && (await refreshMemberTokens())) {
    res = await send();
  }
  if (res.status === 404) {
    throw new ApiError(404, 'NOT_AVAILABLE', 'not available yet');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText);
  }
  return res;
}
