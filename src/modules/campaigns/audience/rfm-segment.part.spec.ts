import { memberFacts } from '../../../../test/support/member-facts';
import { rfmSegmentPart } from './rfm-segment.part';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: RFM segment', () => {
  it('takes segment keys, in the segments’ order, and refuses others', () => {
    expect(rfmSegmentPart.parse({ type: 'rfmSegment', segments: ['loyal', 'champions', 'loyal'] }, 'p')).toEqual({
      type: 'rfmSegment',
      segments: ['champions', 'loyal'],
    });
    expect(() => rfmSegmentPart.parse({ type: 'rfmSegment', segments: ['vip'] }, 'p')).toThrow('each value must be one of champions');
    expect(() => rfmSegmentPart.parse({ type: 'rfmSegment', segments: [] }, 'p')).toThrow('must be a list of 1 to 10');
    expect(() => rfmSegmentPart.parse({ type: 'rfmSegment', segments: ['new'], r: 5 }, 'p')).toThrow('is not a field');
  });

  it('compiles to the cells of the segments and matches the same members', () => {
    const part = { type: 'rfmSegment' as const, segments: ['champions' as const] };
    expect(rfmSegmentPart.compile(part, ctx)).toEqual({
      sql: 'EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND mv.r * 10 + mv.f IN (?, ?))',
      params: [54, 55],
    });
    expect(rfmSegmentPart.matches(part, memberFacts({ rfmR: 5, rfmF: 4 }), ctx)).toBe(true);
    expect(rfmSegmentPart.matches(part, memberFacts({ rfmR: 4, rfmF: 5 }), ctx)).toBe(false);
    expect(rfmSegmentPart.matches(part, memberFacts({ rfmR: null, rfmF: null }), ctx)).toBe(false);
  });

  it('names the segments and the member’s cell in both languages', () => {
    const part = { type: 'rfmSegment' as const, segments: ['champions' as const, 'atRisk' as const] };
    expect(rfmSegmentPart.describe(part)).toEqual({
      'zh-CN': 'RFM 分群为 重要价值会员、流失风险会员',
      en: 'RFM segment Champions, At risk',
    });
    expect(rfmSegmentPart.explain(part, memberFacts({ rfmR: 1, rfmF: 1 }), ctx)).toEqual({
      'zh-CN': 'R1 F1（沉睡会员）',
      en: 'R1 F1 (Hibernating)',
    });
    expect(rfmSegmentPart.explain(part, memberFacts(), ctx).en).toBe('no RFM scores yet');
  });
});
