import { RFM_SEGMENT_KEYS, RFM_SEGMENT_RULES, rfmCellsOf, rfmSegmentOf } from './rfm-segments';

describe('RFM segments (server rule)', () => {
  it('puts every one of the 25 cells in exactly one segment', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        expect(RFM_SEGMENT_RULES.filter((s) => s.has(r, f))).toHaveLength(1);
      }
    }
    expect(RFM_SEGMENT_RULES.map((s) => s.key)).toEqual([...RFM_SEGMENT_KEYS]);
  });

  it('names the corners as marketers expect, in both languages', () => {
    expect(rfmSegmentOf(5, 5)).toMatchObject({ key: 'champions', en: 'Champions', zhCN: '重要价值会员' });
    expect(rfmSegmentOf(5, 1).key).toBe('new');
    expect(rfmSegmentOf(1, 5).key).toBe('cantLose');
    expect(rfmSegmentOf(1, 1)).toMatchObject({ key: 'hibernating', zhCN: '沉睡会员' });
    expect(rfmSegmentOf(2, 3).key).toBe('atRisk');
  });

  it('lists the cells of segments', () => {
    expect(rfmCellsOf(['champions'])).toEqual([
      [5, 4],
      [5, 5],
    ]);
    expect(rfmCellsOf(['hibernating', 'attention'])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(RFM_SEGMENT_KEYS.reduce((n, k) => n + rfmCellsOf([k]).length, 0)).toBe(25);
  });
});
