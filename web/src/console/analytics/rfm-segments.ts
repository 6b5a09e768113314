import type { MessageKey } from '../../shared/i18n';

/**
 * RFM cells (recency score r, frequency score f, 1–5, 5 best) named as the segments marketers use, after the usual
 * R×F segment map: each of the 25 cells is in exactly one segment (rfm-segments.test.ts checks it).
 */
export interface Segment {
  key: 'champions' | 'loyal' | 'potential' | 'new' | 'promising' | 'attention' | 'aboutToSleep' | 'atRisk' | 'cantLose' | 'hibernating';
  label: MessageKey;
  /** Which (r, f) cells are in it. */
  has(r: number, f: number): boolean;
  /** The heat map's colour, and the antd Tag colour of its name (a preset, readable on its own background). */
  color: string;
  tag: string;
}

const between = (n: number, lo: number, hi: number) => n >= lo && n <= hi;

export const SEGMENTS: Segment[] = [
  { key: 'champions', label: 'rfm.champions', has: (r, f) => r === 5 && f >= 4, color: '#237804', tag: 'green' },
  { key: 'loyal', label: 'rfm.loyal', has: (r, f) => between(r, 3, 4) && f >= 4, color: '#52c41a', tag: 'cyan' },
  { key: 'potential', label: 'rfm.potential', has: (r, f) => r >= 4 && between(f, 2, 3), color: '#95de64', tag: 'lime' },
  { key: 'new', label: 'rfm.new', has: (r, f) => r === 5 && f === 1, color: '#1677ff', tag: 'blue' },
  { key: 'promising', label: 'rfm.promising', has: (r, f) => r === 4 && f === 1, color: '#69b1ff', tag: 'geekblue' },
  { key: 'attention', label: 'rfm.attention', has: (r, f) => r === 3 && f === 3, color: '#faad14', tag: 'gold' },
  { key: 'aboutToSleep', label: 'rfm.aboutToSleep', has: (r, f) => r === 3 && f <= 2, color: '#ffc53d', tag: 'orange' },
  { key: 'cantLose', label: 'rfm.cantLose', has: (r, f) => r <= 2 && f === 5, color: '#cf1322', tag: 'red' },
  { key: 'atRisk', label: 'rfm.atRisk', has: (r, f) => r <= 2 && between(f, 3, 4), color: '#ff7875', tag: 'volcano' },
  { key: 'hibernating', label: 'rfm.hibernating', has: (r, f) => r <= 2 && f <= 2, color: '#8c8c8c', tag: 'default' },
];

export function segmentOf(r: number, f: number): Segment {
  const found = SEGMENTS.find((s) => s.has(r, f));
  if (!found) {
    throw new Error(`no RFM segment for r=${r} f=${f}`);
  }
  return found;
}

/** Members per segment from the API's grid (grid[r − 1][f − 1]), in the order of SEGMENTS, with the cells of each. */
export function segmentCounts(grid: number[][]): Array<{ segment: Segment; members: number; cells: string[] }> {
  return SEGMENTS.map((segment) => {
    let members = 0;
    const cells: string[] = [];
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        if (segment.has(r, f)) {
          members += grid[r - 1]?.[f - 1] ?? 0;
          cells.push(`R${r}F${f}`);
        }
      }
    }
    return { segment, members, cells };
  });
}
