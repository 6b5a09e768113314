import { describe, expect, it } from 'vitest';
import { hasAudience, NEW_DRAFT, toBody } from './draft';

describe('campaign wizard: the draft as the request', () => {
  it('asks for members of any of the clubs or tiers, grants with the name as the reason, and sends now by default', () => {
    const body = toBody({ ...NEW_DRAFT, name: 'Spring', clubIds: ['c-1'], tierCodes: ['VIP'], holdoutPercent: 12.5 });
    expect(body).toEqual({
      name: 'Spring',
      audience: {
        include: [
          { type: 'club', clubIds: ['c-1'] },
          { type: 'tier', codes: ['VIP'] },
        ],
        requireAll: false,
      },
      actions: [{ type: 'grant', points: 100, reason: 'Spring' }],
      schedule: { kind: 'now' },
      budgetPoints: null,
      holdoutPermille: 125,
    });
    expect(hasAudience(body)).toBe(true);
  });

  it('sends a message only with a template, a cron with its time zone, and no grant without points', () => {
    const body = toBody({
      ...NEW_DRAFT,
      name: 'Weekly',
      tierCodes: ['GOLD'],
      grantPoints: null,
      messageOn: true,
      channel: 'email',
      template: 'weekly',
      scheduleKind: 'cron',
      cron: ' 0 9 * * 1 ',
    });
    expect(body.actions).toEqual([{ type: 'message', channel: 'email', template: 'weekly' }]);
    expect(body.schedule).toEqual({ kind: 'cron', cron: '0 9 * * 1', timezone: 'Asia/Shanghai' });
    expect(toBody({ ...NEW_DRAFT, messageOn: true, template: null }).actions).toEqual([{ type: 'grant', points: 100, reason: '' }]);
  });

  it('has no audience without a name or without a club or tier', () => {
    expect(hasAudience(toBody({ ...NEW_DRAFT, name: 'x' }))).toBe(false);
    expect(hasAudience(toBody({ ...NEW_DRAFT, name: '  ', clubIds: ['c-1'] }))).toBe(false);
  });
});
