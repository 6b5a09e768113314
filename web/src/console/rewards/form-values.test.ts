import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { initialValues, rewardBody, type Values } from './form-values';
import type { Reward } from './queries';

const base: Values = { ...initialValues(null), nameZh: ' 满100减20 ', nameEn: '¥20 off over ¥100' };

describe('the reward form body', () => {
  it('sends money as whole cents from yuan text (no float drift), days validity in its zone, and null for "none"', () => {
    const body = rewardBody({ ...base, valueYuan: '19.99', minSpendYuan: '100', pointsPrice: 800, eligibleTiers: [], storeIds: [] });
    expect(body).toMatchObject({
      nameZh: '满100减20',
      kind: 'amount_off',
      valueCents: 1999,
      percentOff: null,
      giftSku: null,
      minSpendCents: 10000,
      validDays: 30,
      validFrom: null,
      validUntil: null,
      timezone: 'Asia/Shanghai',
      storeIds: null,
      eligibleTiers: null,
      eligibleClubs: null,
      pointsPrice: 800,
      stockTotal: null,
      perMemberLimit: null,
      saleStartsAt: null,
      saleEndsAt: null,
    });
  });

  it('sends only the value of the chosen kind, and a window with the offset the API needs', () => {
    const from = dayjs('2026-12-01T00:00:00');
    const until = dayjs('2026-12-31T23:59:00');
    const body = rewardBody({
      ...base,
      kind: 'percent_off',
      valueYuan: '20',
      percentOff: 15,
      validity: 'window',
      validWindow: [from, until],
    });
    expect(body.valueCents).toBeNull();
    expect(body.percentOff).toBe(15);
    expect(body.validDays).toBeNull();
    expect(body.validFrom).toMatch(/^2026-12-01T00:00:00([+-]\d{2}:\d{2})$/);
    expect(body.validUntil).toMatch(/^2026-12-31T23:59:00([+-]\d{2}:\d{2})$/);
  });

  it('a template for campaigns has no price and no sale period, whatever was typed before switching it off', () => {
    const body = rewardBody({
      ...base,
      valueYuan: '5',
      inCatalog: false,
      pointsPrice: 300,
      saleWindow: [dayjs('2026-12-01T00:00:00'), null],
    });
    expect(body.pointsPrice).toBeNull();
    expect(body.saleStartsAt).toBeNull();
  });

  it('an edit starts from the reward as saved and sends it back unchanged', () => {
    const saved = {
      rewardId: 'r1',
      nameZh: '满50减10',
      nameEn: '¥10 off ¥50',
      descriptionZh: null,
      descriptionEn: 'On a receipt of ¥50 or more',
      imageUrl: null,
      kind: 'amount_off',
      valueCents: 1000,
      percentOff: null,
      giftSku: null,
      minSpendCents: 5000,
      validFrom: null,
      validUntil: null,
      validDays: 7,
      timezone: 'Asia/Hong_Kong',
      storeIds: ['s1'],
      pointsPrice: 500,
      stockTotal: 100,
      stockLeft: 98,
      perMemberLimit: 2,
      eligibleTiers: ['VIP'],
      eligibleClubs: null,
      saleStartsAt: null,
      saleEndsAt: '2027-01-01T00:00:00.000Z',
      status: 'active',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    } as Reward;
    const body = rewardBody(initialValues(saved));
    expect(body).toMatchObject({
      valueCents: 1000,
      minSpendCents: 5000,
      validDays: 7,
      timezone: 'Asia/Hong_Kong',
      storeIds: ['s1'],
      pointsPrice: 500,
      stockTotal: 100,
      perMemberLimit: 2,
      eligibleTiers: ['VIP'],
      eligibleClubs: null,
      saleStartsAt: null,
      descriptionEn: 'On a receipt of ¥50 or more',
    });
    expect(Date.parse(body.saleEndsAt as string)).toBe(Date.parse('2027-01-01T00:00:00.000Z'));
  });
});
