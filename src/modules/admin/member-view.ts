import { maskPersonalValue } from '../../common/masking';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';

/** Whether this console user sees members' name, phone and email unmasked. */
export function seesPersonalData(admin: AdminPrincipal): boolean {
  return can(admin.role, 'members.pii');
}

/** A value of the change history, masked when it is personal and the user may not see it. */
export function historyValue(field: string, value: string | null, unmasked: boolean): string | null {
  return unmasked ? value : maskPersonalValue(field, value);
}
