import { AdminPrincipal } from '../auth/auth.types';

/** The signed-in console user as the actor that audit rows and use cases record. */
export const actorOf = (a: AdminPrincipal) => ({ type: 'admin' as const, id: a.adminId });
