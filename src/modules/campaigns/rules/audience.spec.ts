import { MemberFacts } from '../audience/audience-part.kind';
import { AudienceError, audienceMatches, compileAudience, localDate, parseAudience } from './audience';

const CLUB = '01a212aa-8b99-749f-88e9-001ff70d99ce';
const STORE = '01a212aa-8b99-749f-88e9-001ff70d99cf';
const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience definitions', () => {
  it('accepts include parts and deduplicates ids', () => {
    const def = parseAudience({
      include: [
        { type: 'club', clubIds: [CLUB, CLUB] },
        { type: 'tier', codes: ['VIP'] },
      ],
    });
    expect(def.include[0]).toEqual({ type: 'club', clubIds: [CLUB] });
    expect(def.requireAll).toBe(false);
    expect(def.exclude).toEqual([]);
  });

  it.each([
    [{}, 'audience.include'],
    [{ include: [] }, 'audience.include'],
    [{ include: [{ type: 'everyone' }] }, 'audience.include[0].type'],
    [{ include: [{ type: 'club', clubIds: ['x'] }] }, 'audience.include[0].clubIds'],
    [{ include: [{ type: 'noPurchaseDays', days: 0 }] }, 'audience.include[0].days'],
    [{ include: [{ type: 'birthday', when: 'week' }] }, 'audience.include[0].when'],
    [{ include: [{ type: 'all', extra: 1 }] }, 'audience.include[0].extra'],
    [{ include: [{ type: 'all' }], other: 1 }, 'audience.other'],
    [{ include: [{ type: 'consent', channels: ['fax'] }] }, 'audience.include[0].channels'],
    [{ include: [{ type: 'consent' }] }, 'audience.include[0].channels'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => parseAudience(input)).toThrow(AudienceError);
    try {
      parseAudience(input);
    } catch (err) {
      expect((err as AudienceError).field).toBe(field);
    }
  });
});

describe('audience compilation to one predicate', () => {
  it('include is any of its parts; requireAll makes it all of them; exclude is subtracted; erased, erasing and merged-away members never', () => {
    const any = compileAudience(
      parseAudience({
        include: [
          { type: 'tier', codes: ['VIP'] },
          { type: 'club', clubIds: [CLUB] },
        ],
      }),
      ctx,
    );
    expect(any.sql).toBe(
      "(m.status NOT IN ('erased', 'erasing', 'merged') AND (m.tier_code IN (?) OR EXISTS (SELECT 1 FROM club_members cm WHERE cm.member_id = m.id AND cm.club_id IN (?) AND cm.status = 'active')))",
    );
    expect(any.params).toEqual(['VIP', CLUB]);
    const all = compileAudience(
      parseAudience({
        include: [
          { type: 'tier', codes: ['VIP'] },
          { type: 'joinedWithinDays', days: 30 },
        ],
        requireAll: true,
        exclude: [{ type: 'tier', codes: ['SVIP'] }],
      }),
      ctx,
    );
    expect(all.sql).toBe(
      "(m.status NOT IN ('erased', 'erasing', 'merged') AND (m.tier_code IN (?) AND m.created_at >= ?) AND NOT COALESCE(m.tier_code IN (?), FALSE))",
    );
    expect(all.params).toEqual(['VIP', new Date('2026-04-20T02:00:00Z'), 'SVIP']);
  });

  it('an audience names a consent for any action: a club intersected with email consent, without a message', () => {
    const def = parseAudience({
      include: [
        { type: 'club', clubIds: [CLUB] },
        { type: 'consent', channels: ['email', 'email'] },
      ],
      requireAll: true,
    });
    expect(def.include[1]).toEqual({ type: 'consent', channels: ['email'] });
    const f = compileAudience(def, ctx);
    expect(f.sql).toContain(
      'AND EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND mc.channel IN (?) AND mc.granted = 1)',
    );
    expect(f.params).toEqual([CLUB, 'email']);
  });

  it('a message campaign is limited to the consent of its channel', () => {
    const f = compileAudience(parseAudience({ include: [{ type: 'all' }] }), { ...ctx, consentChannel: 'sms' });
    expect(f.sql).toContain('mc.channel = ? AND mc.granted = 1');
    expect(f.params).toEqual(['sms']);
  });

  it('birthday today is the date in the campaign timezone; 29 February is celebrated on the 28th in other years', () => {
    // 2026-05-19T17:00Z is already 20 May in Shanghai.
    const today = compileAudience(parseAudience({ include: [{ type: 'birthday', when: 'today' }] }), {
      ...ctx,
      now: new Date('2026-05-19T17:00:00Z'),
    });
    expect(today.params).toEqual([5, 20]);
    const feb = compileAudience(parseAudience({ include: [{ type: 'birthday', when: 'today' }] }), {
      ...ctx,
      now: new Date('2027-02-28T04:00:00Z'),
    });
    expect(feb.sql).toContain('IN (28, 29)');
    const month = compileAudience(parseAudience({ include: [{ type: 'birthday', when: 'month' }] }), ctx);
    expect(month.params).toEqual([5]);
  });

  it('stores: preferred, or bought there within D days; grades read member_values.grade; expiring points read the lots', () => {
    const store = compileAudience(parseAudience({ include: [{ type: 'store', storeIds: [STORE], boughtWithinDays: 7 }] }), ctx);
    expect(store.sql).toContain(
      'm.preferred_store_id IN (?) OR EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.store_id IN (?)',
    );
    expect(store.params).toEqual([STORE, STORE, new Date('2026-05-13T02:00:00Z')]);
    expect(compileAudience(parseAudience({ include: [{ type: 'grade', grades: ['A'] }] }), ctx).sql).toContain('mv.grade IN (?)');
    const expiring = compileAudience(parseAudience({ include: [{ type: 'pointsExpiringDays', days: 30 }] }), ctx);
    expect(expiring.params).toEqual([ctx.now, new Date('2026-06-19T02:00:00Z')]);
    const lapsed = compileAudience(parseAudience({ include: [{ type: 'noPurchaseDays', days: 90 }] }), ctx);
    expect(lapsed.sql).toContain('NOT EXISTS (SELECT 1 FROM purchases p');
  });

  it('placeholders and params always agree', () => {
    const f = compileAudience(
      parseAudience({
        include: [
          { type: 'store', storeIds: [STORE], boughtWithinDays: 3 },
          { type: 'birthday', when: 'today' },
        ],
        exclude: [
          { type: 'club', clubIds: [CLUB] },
          { type: 'pointsExpiringDays', days: 5 },
        ],
      }),
      { ...ctx, consentChannel: 'email' },
    );
    expect((f.sql.match(/\?/g) ?? []).length).toBe(f.params.length);
  });

  it('an exclude part that cannot judge a member (no preferred store, no birthday) does not exclude them', () => {
    const member = (facts: Partial<MemberFacts>): MemberFacts => ({
      id: 'm1',
      status: 'active',
      tierCode: 'STANDARD',
      preferredStoreId: null,
      birthday: null,
      createdAt: new Date('2025-01-01T00:00:00Z'),
      activeClubIds: [],
      rfmR: null,
      rfmF: null,
      grade: null,
      purchases: [],
      lots: [],
      consents: [],
      ...facts,
    });
    const exceptStore = parseAudience({ include: [{ type: 'all' }], exclude: [{ type: 'store', storeIds: [STORE] }] });
    const exceptBirthdays = parseAudience({ include: [{ type: 'all' }], exclude: [{ type: 'birthday', when: 'today' }] });
    const local = { ...ctx, consentChannel: null };
    expect(audienceMatches(exceptStore, member({}), local)).toBe(true);
    expect(audienceMatches(exceptStore, member({ preferredStoreId: STORE }), local)).toBe(false);
    expect(audienceMatches(exceptBirthdays, member({}), local)).toBe(true);
    expect(compileAudience(exceptStore, local).sql).toContain('NOT COALESCE(');
  });

  it('localDate gives the calendar date in a timezone', () => {
    expect(localDate(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 1 });
    expect(localDate(new Date('2026-12-31T16:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 12, day: 31 });
  });
});
