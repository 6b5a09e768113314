/**
 * RFM segments: the cells of the R×F grid (recency score r, frequency score f, 1–5, 5 best, from the value run's
 * member_values.r and .f) named as the segments marketers use, after the usual R×F segment map. Each of the 25 cells
 * is in exactly one segment. The console's analytics page names its cells with the same map
 * (web/src/console/analytics/rfm-segments.ts; its test checks that the two agree). Pure: no imports.
 */
export const RFM_SEGMENT_KEYS = [
  'champions',
  'loyal',
  'potential',
  'new',
  'promising',
  'attention',
  'aboutToSleep',
  'cantLose',
  'atRisk',
  'hibernating',
] as const;
export type RfmSegmentKey = (typeof RFM_SEGMENT_KEYS)[number];

export interface RfmSegmentRule {
  key: RfmSegmentKey;
  zhCN: string;
  en: string;
  has(r: number, f: number): boolean;
}

const between = (n: number, lo: number, hi: number) => n >= lo && n <= hi;

export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { key: 'champions', zhCN: '重要价值会员', en: 'Champions', has: (r, f) => r === 5 && f >= 4 },
  { key: 'loyal', zhCN: '忠诚会员', en: 'Loyal', has: (r, f) => between(r, 3, 4) && f >= 4 },
  { key: 'potential', zhCN: '潜力会员', en: 'Potential loyalists', has: (r, f) => r >= 4 && between(f, 2, 3) },
  { key: 'new', zhCN: '新会员', en: 'New customers', has: (r, f) => r === 5 && f === 1 },
  { key: 'promising', zhCN: '有望培养会员', en: 'Promising', has: (r, f) => r === 4 && f === 1 },
  { key: 'attention', zhCN: '需要关注会员', en: 'Need attention', has: (r, f) => r === 3 && f === 3 },
  { key: 'aboutToSleep', zhCN: '即将沉睡会员', en: 'About to sleep', has: (r, f) => r === 3 && f <= 2 },
  { key: 'cantLose', zhCN: '不能失去的会员', en: 'Can’t lose them', has: (r, f) => r <= 2 && f === 5 },
  { key: 'atRisk', zhCN: '流失风险会员', en: 'At risk', has: (r, f) => r <= 2 && between(f, 3, 4) },
  { key: 'hibernating', zhCN: '沉睡会员', en: 'Hibernating', has: (r, f) => r <= 2 && f <= 2 },
];

/** The rule of a segment key. */
export function rfmSegment(key: RfmSegmentKey): RfmSegmentRule {
  const found = RFM_SEGMENT_RULES.find((s) => s.key === key);
  if (!found) {
    throw new Error(`no RFM segment ${key}`);
  }
  return found;
}

/** The segment of a cell (r, f each 1–5). */
export function rfmSegmentOf(r: number, f: number): RfmSegmentRule {
  const found = RFM_SEGMENT_RULES.find((s) => s.has(r, f));
  if (!found) {
    throw new Error(`no RFM segment for r=${r} f=${f}`);
  }
  return found;
}

/** The cells of some segments, as [r, f] pairs in grid order. */
export function rfmCellsOf(keys: readonly RfmSegmentKey[]): Array<[number, number]> {
  const rules = keys.map(rfmSegment);
  const cells: Array<[number, number]> = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      if (rules.some((s) => s.has(r, f))) {
        cells.push([r, f]);
      }
    }
  }
  return cells;
}
