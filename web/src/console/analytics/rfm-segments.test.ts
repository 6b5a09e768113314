import { describe, expect, it } from 'vitest';
import { SEGMENTS, segmentCounts, segmentOf } from './rfm-segments';

describe('RFM segments', () => {
  it('every one of the 25 cells is in exactly one segment', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        expect(SEGMENTS.filter((s) => s.has(r, f)).map((s) => s.key)).toHaveLength(1);
      }
    }
  });

  it('names the corners as marketers expect', () => {
    expect(segmentOf(5, 5).key).toBe('champions');
    expect(segmentOf(5, 1).key).toBe('new');
    expect(segmentOf(1, 5).key).toBe('cantLose');
    expect(segmentOf(1, 1).key).toBe('hibernating');
    expect(segmentOf(2, 3).key).toBe('atRisk');
    expect(segmentOf(4, 4).key).toBe('loyal');
  });

  it('adds the grid up by segment, losing no member', () => {
    // grid[r − 1][f − 1] = 10 r + f: every cell a different count.
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => 10 * r + f));
    const counts = segmentCounts(grid);
    const byKey = Object.fromEntries(counts.map((c) => [c.segment.key, c.members]));
    expect(byKey.champions).toBe(54 + 55);
    expect(byKey.hibernating).toBe(11 + 12 + 21 + 22);
    expect(byKey.attention).toBe(33);
    expect(counts.reduce((n, c) => n + c.members, 0)).toBe(grid.flat().reduce((a, b) => a + b, 0));
  });
});

describe('RFM segments: the console and the server (campaign audiences) agree', () => {
  it('has the same segments, the same cells and the same names in both languages', async () => {
    // The server's rule file is pure (no imports): the console reads it here only, to check its own copy.
    const server = await import('../../../../src/modules/campaigns/rules/rfm-segments');
    const { frameEn, frameZh } = await import('../../shared/messages/console-frame');
    expect(SEGMENTS.map((s) => s.key).sort()).toEqual([...server.RFM_SEGMENT_KEYS].sort());
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        expect(`${r}${f} ${segmentOf(r, f).key}`).toBe(`${r}${f} ${server.rfmSegmentOf(r, f).key}`);
      }
    }
    for (const s of server.RFM_SEGMENT_RULES) {
      const label = SEGMENTS.find((x) => x.key === s.key)!.label as keyof typeof frameEn;
      expect([frameEn[label], frameZh[label]]).toEqual([s.en, s.zhCN]);
    }
  });
});
