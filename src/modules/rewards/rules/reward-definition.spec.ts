import { RewardDefinition, rewardDefinitionProblems } from './reward-definition';

const base: RewardDefinition = {
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  validFrom: null,
  validUntil: null,
  validDays: 30,
  timezone: 'Asia/Shanghai',
  saleStartsAt: null,
  saleEndsAt: null,
};
const fields = (r: RewardDefinition) => rewardDefinitionProblems(r).map((p) => p.field);

describe('reward definition', () => {
  it('an amount_off reward valid 30 days after issue is well formed', () => {
    expect(rewardDefinitionProblems(base)).toEqual([]);
  });

  it('each kind needs its own value and no other', () => {
    expect(fields({ ...base, valueCents: null })).toEqual(['valueCents']);
    expect(fields({ ...base, kind: 'percent_off', valueCents: null })).toEqual(['percentOff']);
    expect(fields({ ...base, kind: 'gift' })).toEqual(['giftSku', 'valueCents']);
    expect(fields({ ...base, kind: 'percent_off', valueCents: null, percentOff: 20 })).toEqual([]);
  });

  it('validity is a window or N days, not both and not neither; the window must run forward', () => {
    const from = new Date('2026-12-01T00:00:00Z');
    const until = new Date('2026-12-31T00:00:00Z');
    expect(fields({ ...base, validFrom: from, validUntil: until })).toEqual(['validDays']);
    expect(fields({ ...base, validDays: null })).toEqual(['validDays']);
    expect(fields({ ...base, validDays: null, validFrom: from, validUntil: until })).toEqual([]);
    expect(fields({ ...base, validDays: null, validFrom: until, validUntil: from })).toEqual(['validUntil']);
    expect(fields({ ...base, validDays: null, validFrom: from })).toEqual(['validUntil']);
  });

  it('refuses a sales window that ends before it starts, and an unknown zone', () => {
    expect(fields({ ...base, saleStartsAt: new Date('2026-12-02'), saleEndsAt: new Date('2026-12-01') })).toEqual(['saleEndsAt']);
    expect(fields({ ...base, timezone: 'Mars/Olympus' })).toEqual(['timezone']);
  });
});
