import { describe, expect, it } from 'vitest';
import { en } from '../../shared/messages/en';
import {
  benefitsInWords,
  canMove,
  isReordered,
  moved,
  movesOf,
  newTier,
  reachInWords,
  seatMode,
  withKind,
  withSeats,
  type EditableTier,
  type TierWords,
} from './ladder-edit';

const base: EditableTier = {
  code: 'VIP',
  nameEn: 'VIP',
  nameZh: 'VIP会员',
  kind: 'threshold',
  minSpendCents: 500_000,
  minPoints: null,
  minPurchases: 12,
  qualifyMode: 'any',
  earnMultiplierPermille: 1500,
  birthdayBonusPoints: 200,
  priorityService: true,
  rankTopN: null,
  rankTopPermille: null,
};

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
const words: TierWords = {
  spend: (yuan) => fill(en['tiers.words.spend'], { yuan }),
  points: (n) => fill(en['tiers.words.points'], { n }),
  purchases: (n) => fill(en['tiers.words.purchases'], { n }),
  any: en['tiers.words.any'],
  all: en['tiers.words.all'],
  topN: (n) => fill(en['tiers.words.topN'], { n }),
  topShare: (percent) => fill(en['tiers.words.topShare'], { percent }),
  among: (seats, criteria) => fill(en['tiers.words.among'], { seats, criteria }),
  entry: en['tiers.words.entry'],
  earns: (x) => fill(en['tiers.words.earns'], { x }),
  birthday: (n) => fill(en['tiers.words.birthday'], { n }),
  priority: en['tiers.words.priority'],
  separator: en['tiers.words.separator'],
};
const yuan = (cents: number) => `¥${cents / 100}`;

describe('ladder edits', () => {
  it('a threshold tier turned rank gets the top 100 seats; turned back, its seats are cleared', () => {
    const rank = withKind(base, 'rank');
    expect(rank).toMatchObject({ kind: 'rank', rankTopN: 100, rankTopPermille: null, minSpendCents: 500_000 });
    expect(withKind(rank, 'threshold')).toMatchObject({ kind: 'threshold', rankTopN: null, rankTopPermille: null });
  });

  it('seats are the top N or the top share, never both', () => {
    const rank = withKind(base, 'rank');
    const share = withSeats(rank, 'permille', 10);
    expect(share).toMatchObject({ rankTopN: null, rankTopPermille: 10 });
    expect(seatMode(share)).toBe('permille');
    expect(withSeats(share, 'topN', 50)).toMatchObject({ rankTopN: 50, rankTopPermille: null });
  });

  it('a new tier sits above the highest spend with a free code and the top tier’s earn rate', () => {
    const t = newTier([{ ...base, code: 'STANDARD', minSpendCents: null, minPurchases: null }, base, { ...base, code: 'TIER3' }]);
    expect(t).toMatchObject({ code: 'TIER4', kind: 'threshold', minSpendCents: 1_500_000, earnMultiplierPermille: 1500 });
  });

  it('says who reaches a tier and what it gives, with or / and by the qualify mode', () => {
    expect(reachInWords(base, 1, words, yuan)).toBe('spent at least ¥5000 or made at least 12 purchases');
    expect(reachInWords({ ...base, qualifyMode: 'all' }, 1, words, yuan)).toBe('spent at least ¥5000 and made at least 12 purchases');
    expect(reachInWords(base, 0, words, yuan)).toBe('every member');
    const rank = withSeats(withKind({ ...base, minPurchases: null }, 'rank'), 'permille', 10);
    expect(reachInWords(rank, 2, words, yuan)).toBe('the top 1% of members by value, among those who spent at least ¥5000');
    expect(reachInWords({ ...rank, minSpendCents: null, rankTopN: 30, rankTopPermille: null }, 2, words, yuan)).toBe(
      'the top 30 members by value',
    );
    expect(benefitsInWords(base, words)).toBe('earns 1.5× points, 200 birthday points, priority service');
    expect(benefitsInWords({ ...base, birthdayBonusPoints: 0, priorityService: false }, words)).toBe('earns 1.5× points');
  });

  it('moves a tier up or down as the API allows an order: never into or out of the entry place, never a threshold tier above a rank tier', () => {
    const standard = { ...base, code: 'STANDARD', minSpendCents: null, minPurchases: null };
    const gold = { ...base, code: 'GOLD', minSpendCents: 1_000_000 };
    const top = withKind({ ...base, code: 'TOP' }, 'rank');
    const elite = withKind({ ...base, code: 'ELITE' }, 'rank');
    const ladder = [standard, base, gold, top, elite];
    expect([0, 1, 2, 3, 4].map((i) => [canMove(ladder, i, 1), canMove(ladder, i, -1)])).toEqual([
      [false, false], // the entry tier stays
      [true, false], // VIP may go above GOLD, not below the entry tier
      [false, true], // GOLD may not go above the rank tier TOP
      [true, false], // TOP may go above ELITE, not below GOLD
      [false, true],
    ]);
    // A threshold tier added above a rank tier may move down past it (or the rank tier up past it): that mends the order.
    const added = [standard, base, top, gold];
    expect([canMove(added, 3, -1), canMove(added, 2, 1), canMove(added, 2, -1)]).toEqual([true, true, false]);
    expect(moved(added, 3, -1).map((t) => t.code)).toEqual(['STANDARD', 'VIP', 'GOLD', 'TOP']);
    expect(moved([false, true, false], 1, 1)).toEqual([false, false, true]); // what is kept per tier moves with it
  });

  it('knows a reorder of the saved tiers from an added or removed one', () => {
    const saved = [{ code: 'STANDARD' }, { code: 'VIP' }, { code: 'SVIP' }];
    expect(isReordered(saved, [{ code: 'STANDARD' }, { code: 'SVIP' }, { code: 'VIP' }])).toBe(true);
    expect(isReordered(saved, [{ code: 'STANDARD' }, { code: 'VIP' }, { code: 'GOLD' }, { code: 'SVIP' }])).toBe(false);
    expect(isReordered(saved, [{ code: 'STANDARD' }, { code: 'SVIP' }])).toBe(false);
  });

  it('the save’s confirmation lists the tiers members move into, with how many in all', () => {
    expect(
      movesOf([
        { code: 'STANDARD', movingUp: 0, movingDown: 3 },
        { code: 'VIP', movingUp: 0, movingDown: 0 },
        { code: 'SVIP', movingUp: 2, movingDown: 1 },
      ]),
    ).toEqual({
      moves: [
        { code: 'STANDARD', movingUp: 0, movingDown: 3 },
        { code: 'SVIP', movingUp: 2, movingDown: 1 },
      ],
      total: 6,
    });
    expect(movesOf([{ code: 'STANDARD', movingUp: 0, movingDown: 0 }])).toEqual({ moves: [], total: 0 });
  });
});
