import { createPageApi, type Tokens } from '../shared/api';

/**
 * The console's client: tokens in sessionStorage (one tab's sign-in, gone when the tab closes), the access token on
 * the admin routes only; a refresh that fails tells the console (loyalty:signed-out) to show the sign-in page.
 */
const consoleApi = createPageApi<Tokens>({
  storage: () => sessionStorage,
  key: 'loyalty.console.tokens',
  refreshPath: '/api/v1/admin/auth/refresh',
  openRoutes: /^\/api\/v1\/admin\/auth\/(login|refresh)$/,
  authorizes: /^\/api\/v1\/admin\//,
  keep: (answer) => ({ accessToken: answer.accessToken, refreshToken: answer.refreshToken }),
  logout: (client) => client.POST('/api/v1/admin/auth/logout'),
  onRefreshRefused: () => window.dispatchEvent(new Event('loyalty:signed-out')),
});

export const { api, session, authorizedFetch } = consoleApi;

/** Ends the sign-in on the server (POST auth/logout), then forgets the tokens in this tab. */
export const signOutOfConsole = consoleApi.signOut;
