import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';

/** The API's response and request shapes, as the server publishes them (web/src/api/schema.d.ts, generated). */
export type Schemas = components['schemas'];

/** The one typed client: paths and bodies from the OpenAPI document. */
export type ApiClient = Client<paths>;

/** The API's error body: { statusCode, code, message, details }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    /** The server's own (English) words; message is what the page shows (its dictionary's, when it has one). */
    readonly serverMessage: string = message,
  ) {
    super(message);
  }
}

/** What a page says for an error code in its language; null: the server's message. */
export type ErrorWords = (code: string, serverMessage: string) => string | null;
let errorWords: ErrorWords = () => null;

/** A page (the console) puts its dictionary of error codes here, so every ApiError carries its words, not the server's English. */
export function setErrorWords(words: ErrorWords): void {
  errorWords = words;
}

/** The data of an openapi-fetch answer, or an ApiError carrying the API's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as { code?: string; message?: string | string[]; details?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? result.response.statusText);
    const code = body.code ?? 'HTTP_' + String(result.response.status);
    throw new ApiError(result.response.status, code, errorWords(code, message) ?? message, body.details ?? null, message);
  }
  return result.data as T;
}

/** What every sign-in keeps: the access token sent with each request and the refresh token that trades for a new pair once. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** How one page (console, member page) signs in: where its tokens live, which routes take them, how it refreshes and signs out. */
export interface ApiClientOptions<T extends Tokens> {
  /** The Web Storage the tokens live in (sessionStorage: one tab; localStorage: until signed out). Read when first needed. */
  storage: () => Storage;
  /** The key they are kept under. */
  key: string;
  /** POST { refreshToken } here trades it for a new pair (its answer carries the tokens to keep). */
  refreshPath: string;
  /** Routes that carry their credentials in the body (sign-in, refresh…): never sent the access token, a 401 is final. */
  openRoutes: RegExp;
  /** Routes the access token is sent to (default: every route but the open ones). */
  authorizes?: RegExp;
  /** The tokens to keep from a sign-in or refresh answer. */
  keep: (answer: T) => T;
  /** POST the page's logout route with the client (it carries the access token). */
  logout: (client: ApiClient) => Promise<{ response: Response }>;
  /** After the tokens change (signed in, refreshed, signed out). */
  onChange?: () => void;
  /** After a 401 the refresh token could not cure: the page shows its sign-in again. */
  onRefreshRefused?: () => void;
}

/** Refresh an access token this close to its expiry before using it. */
const EXPIRY_MARGIN_MS = 30_000;

/** Whether a JWT's exp falls within the next `marginMs` (false when it carries none or cannot be read: the 401 path covers it). */
export function expiresWithin(jwt: string, marginMs: number, now = Date.now()): boolean {
  try {
    const payload = jwt.split('.')[1];
    if (!payload) {
      return false;
    }
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && exp * 1000 - now < marginMs;
  } catch {
    return false;
  }
}

/** A page's sign-in: its tokens, kept in Web Storage. */
export interface Session<T extends Tokens> {
  tokens: T | null;
  set(tokens: T | null): void;
}

export interface PageApi<T extends Tokens> {
  /**
   * The typed client: the page's access token on its routes, refreshed shortly before it lapses; after a 401 one
   * refresh and the request sent once more (its body too).
   */
  api: ApiClient;
  session: Session<T>;
  /** Trades the refresh token for a new pair once; concurrent callers share it. A refused refresh signs out. */
  refresh(): Promise<boolean>;
  /** Plain fetch with the access token and one refresh on a 401 (downloads, and bodies sent again after the refresh). */
  authorizedFetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * Signs out: the server ends the sign-in (its refresh token and its access tokens), then this page forgets the
   * tokens whatever the server said. An access token that has expired is refreshed on the 401 and the sign-out sent
   * again with the fresh one (the middleware repeats each request once).
   */
  signOut(): Promise<void>;
}

/**
 * The API client of one page, written once for the console and the member page; each passes its storage, routes
 * and events. Paths and bodies are typed by the generated OpenAPI schema.
 */
export function createPageApi<T extends Tokens>(options: ApiClientOptions<T>): PageApi<T> {
  const read = (): T | null => {
    try {
      const raw = options.storage().getItem(options.key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  };

  const session: Session<T> = {
    tokens: read(),
    set(tokens) {
      this.tokens = tokens;
      try {
        if (tokens) {
          options.storage().setItem(options.key, JSON.stringify(tokens));
        } else {
          options.storage().removeItem(options.key);
        }
      } catch {
        // storage refused (private mode): signed in for this visit only
      }
      options.onChange?.();
    },
  };

  let refreshing: Promise<boolean> | null = null;
  const refresh = async (): Promise<boolean> => {
    const refreshToken = session.tokens?.refreshToken;
    if (!refreshToken) {
      return false;
    }
    refreshing ??= fetch(options.refreshPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    })
      .then(async (res) => {
        if (!res.ok) {
          session.set(null);
          return false;
        }
        session.set(options.keep((await res.json()) as T));
        return true;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  const isOpen = (url: string) => options.openRoutes.test(new URL(url).pathname);
  const authorizes = (url: string) => !isOpen(url) && (options.authorizes?.test(new URL(url).pathname) ?? true);
  // A copy of each request with a body, taken before it is sent (a body can be read once): sent again after a refresh.
  const copies = new WeakMap<Request, Request>();

  const auth: Middleware = {
    async onRequest({ request }) {
      if (session.tokens && authorizes(request.url)) {
        // An access token about to lapse is traded first, so a save made after a quiet quarter of an hour just works.
        if (expiresWithin(session.tokens.accessToken, EXPIRY_MARGIN_MS) && !(await refresh())) {
          options.onRefreshRefused?.(); // the sign-in itself has ended: the page shows its sign-in
        }
        if (session.tokens) {
          request.headers.set('Authorization', `Bearer ${session.tokens.accessToken}`);
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          copies.set(request, request.clone());
        }
      }
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status !== 401 || !session.tokens || isOpen(request.url)) {
        return response;
      }
      if (!(await refresh())) {
        options.onRefreshRefused?.();
        return response;
      }
      if (!session.tokens) {
        return response;
      }
      // Once, with the fresh token: the server refused the first at the door, so nothing of it was done.
      const retry = copies.get(request) ?? new Request(request);
      retry.headers.set('Authorization', `Bearer ${session.tokens.accessToken}`);
      return fetch(retry);
    },
  };

  const api = createClient<paths>({ baseUrl: window.location.origin });
  api.use(auth);

  const authorizedFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const send = () =>
      fetch(path, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } });
    const res = await send();
    return res.status === 401 && (await refresh()) ? send() : res;
  };

  const signOut = async (): Promise<void> => {
    try {
      await options.logout(api);
    } catch {
      // offline or the server is down: signed out here all the same
    }
    session.set(null);
  };

  return { api, session, refresh, authorizedFetch, signOut };
}
