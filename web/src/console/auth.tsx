import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { components } from '../api/schema';
import { api, session, unwrap } from '../shared/api';

export type Me = components['schemas']['AdminMeResponse'];
export type Permission = Me['permissions'][number];

interface Auth {
  me: Me;
  can(permission: Permission): boolean;
  signOut(): void;
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
  const signOut = useCallback(() => {
    session.set(null);
    client.clear();
    setSignedIn(false);
  }, [client]);
  useEffect(() => {
    window.addEventListener('loyalty:signed-out', signOut);
    return () => window.removeEventListener('loyalty:signed-out', signOut);
  }, [signOut]);
  useEffect(() => {
    if (me.isError) {
      signOut();
    }
  }, [me.isError, signOut]);
  if (!signedIn || me.isError) {
    return <>{signIn(() => setSignedIn(true))}</>;
  }
  if (!me.data) {
    return null;
  }
  const data = me.data;
  return <AuthContext.Provider value={{ me: data, can: (p) => data.permissions.includes(p), signOut }}>{children}</AuthContext.Provider>;
}
