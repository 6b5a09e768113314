import { memberFacts } from '../../../../test/support/member-facts';
import { clubPart } from './club.part';

const CLUB = '01a212aa-8b99-749f-88e9-001ff70d99ce';
const OTHER = '01a212aa-8b99-749f-88e9-001ff70d99cf';
const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: club', () => {
  it('takes 1 to 200 uuids, deduplicated, and names a bad one', () => {
    expect(clubPart.parse({ type: 'club', clubIds: [CLUB, CLUB] }, 'p')).toEqual({ type: 'club', clubIds: [CLUB] });
    expect(() => clubPart.parse({ type: 'club', clubIds: ['nope'] }, 'p')).toThrow('each value must be a uuid');
    expect(() => clubPart.parse({ type: 'club', clubIds: [] }, 'p')).toThrow('must be a list of 1 to 200 values');
  });

  it('is an active membership of any of the clubs, in SQL and for a member', () => {
    const part = { type: 'club' as const, clubIds: [CLUB] };
    expect(clubPart.compile(part, ctx)).toEqual({
      sql: "EXISTS (SELECT 1 FROM club_members cm WHERE cm.member_id = m.id AND cm.club_id IN (?) AND cm.status = 'active')",
      params: [CLUB],
    });
    expect(clubPart.matches(part, memberFacts({ activeClubIds: [OTHER, CLUB] }), ctx)).toBe(true);
    expect(clubPart.matches(part, memberFacts({ activeClubIds: [OTHER] }), ctx)).toBe(false);
    expect(clubPart.describe(part).en).toBe(`active members of club ${CLUB}`);
    expect(clubPart.describe(part, new Map([[CLUB, 'BABY']]))).toEqual({
      'zh-CN': '俱乐部成员（BABY）',
      en: 'active members of club BABY',
    });
    expect(clubPart.explain(part, memberFacts(), ctx)).toEqual({ 'zh-CN': '未加入任何俱乐部', en: 'in no club' });
  });
});
