import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { components } from '../api/schema';
import { unwrap } from '../shared/api';
import { api, session, signOutOfConsole } from './api';

export type Me = components['schemas']['AdminMeResponse'];
export type Permission = Me['permissions'][number];

interface Auth {
  me: Me;
  can(permission: Permission): boolean;
  /** Ends the sign-in on the server (POST auth/logout), then here. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth outside the signed-in console');
  }
  return value;
}

/** Signed in: the user and what their role may do (GET auth/me); signed out: the sign-in page. */
export function AuthGate({ signIn, children }: { signIn: (done: () => void) => ReactNode; children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(session.tokens !== null);
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['auth', 'me'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/auth/me')),
    enabled: signedIn,
    retry: false,
    staleTime: 60_000,
  });
  // The tokens are gone already (a refused refresh) or no longer work: forget them here.
  const signedOutHere = useCallback(() => {
    session.set(null);
    client.clear();
    setSignedIn(false);
  }, [client]);
  const signOut = useCallback(async () => {
    await signOutOfConsole();
    signedOutHere();
  }, [signedOutHere]);
  useEffect(() => {
    window.addEventListener('loyalty:signed-out', signedOutHere);
    return () => window.removeEventListener('loyalty:signed-out', signedOutHere);
  }, [signedOutHere]);
  useEffect(() => {
    if (me.isError) {
      signedOutHere();
    }
  }, [me.isError, signedOutHere]);
  if (!signedIn || me.isError) {
    return <>{signIn(() => setSignedIn(true))}</>;
  }
  if (!me.data) {
    return null;
  }
  const data = me.data;
  return <AuthContext.Provider value={{ me: data, can: (p) => data.permissions.includes(p), signOut }}>{children}</AuthContext.Provider>;
}
