import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';

/** The API's error body: { statusCode, code, message, details }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

const TOKENS_KEY = 'loyalty.console.tokens';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

function readTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(TOKENS_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

/** Console tokens live in sessionStorage: one tab's sign-in, gone when the tab closes. */
export const session = {
  tokens: readTokens(),
  set(tokens: Tokens | null): void {
    this.tokens = tokens;
    if (tokens) {
      sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    } else {
      sessionStorage.removeItem(TOKENS_KEY);
    }
  },
};

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair once (concurrent 401s share the one refresh). */
async function refresh(): Promise<boolean> {
  const refreshToken = session.tokens?.refreshToken;
  if (!refreshToken) {
    return false;
  }
  refreshing ??= fetch('/api/v1/admin/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) {
        session.set(null);
        return false;
      }
      const body = (await res.json()) as Tokens;
      session.set({ accessToken: body.accessToken, refreshToken: body.refreshToken });
      return true;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Sign-in and refresh carry their credentials in the body, never the access token. */
const isTokenRoute = (url: string) => /\/api\/v1\/admin\/auth\/(login|refresh)$/.test(new URL(url).pathname);

const auth: Middleware = {
  onRequest({ request }) {
    if (session.tokens && request.url.includes('/api/v1/admin/') && !isTokenRoute(request.url)) {
      request.headers.set('Authorization', `Bearer ${session.tokens.accessToken}`);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || !session.tokens || isTokenRoute(request.url)) {
      return response;
    }
    if (!(await refresh())) {
      window.dispatchEvent(new Event('loyalty:signed-out'));
      return response;
    }
    if (request.method !== 'GET') {
      return response; // a body cannot be sent twice: the user repeats the action with the fresh token
    }
    const retry = new Request(request);
    retry.headers.set('Authorization', `Bearer ${session.tokens.accessToken}`);
    return fetch(retry);
  },
};

/** The one typed client: paths and bodies from the OpenAPI document (web/src/api/schema.d.ts, generated). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/**
 * Signs out: the server ends the sign-in (its refresh token and its access tokens), then this tab forgets the
 * tokens whatever the server said. An access token that has expired is refreshed by the middleware on the 401,
 * and the sign-out sent again with the fresh one (the middleware repeats only GETs).
 */
export async function signOutOfConsole(): Promise<void> {
  try {
    const first = await api.POST('/api/v1/admin/auth/logout');
    if (first.response.status === 401 && session.tokens) {
      await api.POST('/api/v1/admin/auth/logout');
    }
  } catch {
    // offline or the server is down: signed out here all the same
  }
  session.set(null);
}

/** The data of an openapi-fetch answer, or an ApiError carrying the API's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as { code?: string; message?: string | string[]; details?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? result.response.statusText);
    throw new ApiError(result.response.status, body.code ?? 'HTTP_' + String(result.response.status), message, body.details ?? null);
  }
  return result.data as T;
}
