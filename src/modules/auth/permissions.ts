import { ADMIN_ROLES, AdminRole } from './entities/admin-user.entity';

/**
 * What each console role may do. Every admin route names one permission
 * (@RequirePermission); this table is the only place roles appear.
 *
 * - admin: everything, including console users and store keys.
 * - support: keeps the member archive and cards, adjusts points (up to ADJUSTMENT_LIMIT_POINTS).
 * - marketer: clubs, campaigns and their templates; reads members masked and analytics.
 * - analyst: analytics and masked members, read only.
 */
export const PERMISSIONS = {
  /** One's own console account: role and permissions (auth/me), for the console's menus. */
  'account.read': ['admin', 'support', 'marketer', 'analyst'],
  /** Search and read members (phone, email and name masked without members.pii). */
  'members.read': ['admin', 'support', 'marketer', 'analyst'],
  /** Register, edit profiles, notes, tags. */
  'members.write': ['admin', 'support'],
  /** See phone, email and name unmasked. */
  'members.pii': ['admin', 'support'],
  'points.adjust': ['admin', 'support'],
  /** Adjustments above ADJUSTMENT_LIMIT_POINTS. */
  'points.adjust.large': ['admin'],
  'cards.manage': ['admin', 'support'],
  /** Export everything held about a member (JSON download). */
  'members.export': ['admin', 'support'],
  /** Erase a member on their request (irreversible). */
  'members.erase': ['admin'],
  'members.merge': ['admin'],
  'members.import': ['admin'],
  'stores.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  /** Read clubs, their members and rules. */
  'clubs.read': ['admin', 'marketer', 'support'],
  /** Create, change, archive and regroup clubs. */
  'clubs.manage': ['admin', 'marketer'],
  /** Add a member to a club (an invite) or take one out, e.g. at the member's request. */
  'clubs.membership': ['admin', 'marketer', 'support'],
  /** Raise the budget cap of a launched campaign (a running bonus rule). */
  'campaigns.budget': ['admin'],
  'campaigns.manage': ['admin', 'marketer'],
  /** Approve or reject a campaign waiting in pending_approval (above the program limits); never one's own. */
  'campaigns.approve': ['admin'],
  /** Reports: value pyramid, club growth, campaign results, the what-if simulation. */
  'analytics.read': ['admin', 'marketer', 'analyst'],
  /** Start a customer-value run. */
  'value.run': ['admin', 'marketer'],
  /** Change the value score's weights and grade shares (they decide rank tiers). */
  'value.manage': ['admin'],
  /** Read the tier ladder and the program settings. */
  'tiers.read': ['admin', 'marketer', 'analyst', 'support'],
  /** Change the ladder and program settings; run tier and rank reviews. */
  'tiers.manage': ['admin'],
  /** Grant a tier by hand until an end date. */
  'tiers.grant': ['admin', 'support'],
  /** Read the message outbox (only admins see the text unmasked). */
  'messages.read': ['admin', 'marketer', 'support'],
  /** Message templates. */
  'messages.manage': ['admin', 'marketer'],
  /** Save the templates the system sends itself (sign-in code, notices) and transactional templates (sent without consent). */
  'messages.system': ['admin'],
  'webhooks.manage': ['admin'],
  /** Read the rewards catalog and look coupons up by code. */
  'rewards.read': ['admin', 'marketer', 'support', 'analyst'],
  /** Create, edit and archive rewards. */
  'rewards.manage': ['admin', 'marketer'],
  /** Void a coupon (points paid for it go back). */
  'coupons.void': ['admin', 'support'],
  /** Read the category catalog and the codes the tills sent that it does not name (pickers and reports show names). */
  'categories.read': ['admin', 'marketer', 'analyst', 'support'],
  /** Name a category code and rename one. */
  'categories.manage': ['admin', 'marketer'],
  /** Progress of long jobs (GET jobs/{id}). */
  'jobs.read': ['admin', 'support', 'marketer', 'analyst'],
} as const satisfies Record<string, readonly AdminRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: AdminRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AdminRole[]).includes(role);
}

/** The permissions of one role, for the console's menus and the README table. */
export function permissionsOf(role: AdminRole): Permission[] {
  return ALL_PERMISSIONS.filter((p) => can(role, p));
}

export function rolesWith(permission: Permission): AdminRole[] {
  return ADMIN_ROLES.filter((r) => can(r, permission));
}
