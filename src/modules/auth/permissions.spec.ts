import { ADMIN_ROLES } from './entities/admin-user.entity';
import { ALL_PERMISSIONS, can, permissionsOf, rolesWith } from './permissions';

describe('the permission table', () => {
  it('gives admins every permission', () => {
    expect(permissionsOf('admin')).toEqual(ALL_PERMISSIONS);
  });

  it('lets support keep members and cards but not users, stores, merges or large adjustments', () => {
    expect(can('support', 'members.write')).toBe(true);
    expect(can('support', 'cards.manage')).toBe(true);
    expect(can('support', 'points.adjust')).toBe(true);
    expect(can('support', 'members.pii')).toBe(true);
    expect(can('support', 'points.adjust.large')).toBe(false);
    expect(can('support', 'users.manage')).toBe(false);
    expect(can('support', 'stores.manage')).toBe(false);
    expect(can('support', 'campaigns.manage')).toBe(false);
    expect(can('support', 'tiers.grant')).toBe(true);
    expect(can('support', 'tiers.manage')).toBe(false);
    expect(can('support', 'clubs.manage')).toBe(false);
  });

  it('lets marketers manage clubs and campaigns and read members only masked', () => {
    expect(can('marketer', 'clubs.manage')).toBe(true);
    expect(can('marketer', 'campaigns.manage')).toBe(true);
    expect(can('marketer', 'campaigns.approve')).toBe(false);
    expect(can('marketer', 'members.read')).toBe(true);
    expect(can('marketer', 'members.pii')).toBe(false);
    expect(can('marketer', 'members.write')).toBe(false);
    expect(can('marketer', 'points.adjust')).toBe(false);
    expect(can('marketer', 'tiers.manage')).toBe(false);
    expect(can('marketer', 'webhooks.manage')).toBe(false);
    expect(can('marketer', 'messages.manage')).toBe(true);
    expect(can('marketer', 'messages.system')).toBe(false);
  });

  it('lets analysts read analytics and masked members and change nothing', () => {
    expect(permissionsOf('analyst').sort()).toEqual([
      'account.read',
      'analytics.read',
      'categories.read',
      'jobs.read',
      'members.read',
      'rewards.read',
      'tiers.read',
    ]);
    expect(permissionsOf('analyst').every((p) => p.endsWith('.read'))).toBe(true);
  });

  it('lets every role read the category catalog and marketers and admins name codes', () => {
    expect(rolesWith('categories.read')).toEqual(['admin', 'marketer', 'analyst', 'support']);
    expect(rolesWith('categories.manage')).toEqual(['admin', 'marketer']);
  });

  it('lets marketers and admins manage rewards, support and admins void coupons', () => {
    expect(rolesWith('rewards.manage')).toEqual(['admin', 'marketer']);
    expect(rolesWith('coupons.void')).toEqual(['admin', 'support']);
  });

  it('names the roles of a permission in the table order', () => {
    expect(rolesWith('points.adjust.large')).toEqual(['admin']);
    expect(rolesWith('analytics.read')).toEqual(['admin', 'marketer', 'analyst']);
  });

  it('has no permission without a role and no role outside the known ones', () => {
    for (const p of ALL_PERMISSIONS) {
      expect(rolesWith(p).length).toBeGreaterThan(0);
    }
    expect(ADMIN_ROLES).toEqual(['admin', 'marketer', 'analyst', 'support']);
  });
});
