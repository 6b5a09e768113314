import { memberFacts } from '../../../../test/support/member-facts';
import { gradePart } from './grade.part';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: grade', () => {
  it('takes grade letters', () => {
    expect(gradePart.parse({ type: 'grade', grades: ['A'] }, 'p')).toEqual({ type: 'grade', grades: ['A'] });
    expect(() => gradePart.parse({ type: 'grade', grades: ['AA'] }, 'p')).toThrow('each value must be a grade letter (A, B, C)');
  });

  it('reads member_values.grade; an ungraded member is in no grade', () => {
    const part = { type: 'grade' as const, grades: ['A', 'B'] };
    expect(gradePart.compile(part, ctx).sql).toBe(
      'EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND mv.grade IN (?, ?))',
    );
    expect(gradePart.matches(part, memberFacts({ grade: 'B' }), ctx)).toBe(true);
    expect(gradePart.matches(part, memberFacts({ grade: null }), ctx)).toBe(false);
    expect(gradePart.explain(part, memberFacts(), ctx).en).toBe('not graded yet');
    expect(gradePart.describe(part)['zh-CN']).toBe('价值等级为 A, B');
  });
});
