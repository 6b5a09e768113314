import { Pool } from 'mysql2/promise';
import { v7 as uuidv7 } from 'uuid';

/*
 * A realistic member population for the scale benchmarks (tier reviews,
 * customer value, club regroups, campaign fan-out over a million members),
 * written with multi-row INSERTs and a fixed seed, so two runs build the same
 * program: members with profile fields the club rules read, cards, accounts,
 * 12 months of qualifying figures per member (member_monthly_stats) with a
 * long-tailed spend, tiers consistent with those figures, and recent
 * purchases with lines in retail categories for behaviour rules.
 */

export interface PopulationOptions {
  members: number;
  /** Recent purchases per member on average (the last 90 days), with one to three lines each. */
  recentPurchasesPerMember: number;
  seed: number;
  storeId: string;
  /** Rows per INSERT statement. */
  batch?: number;
}

export interface PopulationSummary {
  members: number;
  monthlyRows: number;
  purchases: number;
  lines: number;
  tiers: Record<string, number>;
  seconds: number;
}

const CITIES = ['Shanghai', 'Beijing', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Nanjing', 'Chengdu', 'Wuhan'];
const CATEGORIES = ['baby', 'toddler', 'wine', 'dairy', 'bakery', 'produce', 'beverages', 'household', 'frozen', 'organic'];
const VIP_CENTS = 500_000;
const SVIP_CENTS = 2_000_000;

/** mulberry32: a small fast PRNG, enough for a reproducible population. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function monthStart(now: Date, back: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}

/** A Luhn-valid 16-digit card number made from the member's index (unique by construction). */
export function cardNoFor(index: number): string {
  const body = `8${String(index).padStart(14, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export async function seedPopulation(pool: Pool, o: PopulationOptions): Promise<PopulationSummary> {
  const started = Date.now();
  const random = prng(o.seed);
  const batch = o.batch ?? 5000;
  const now = new Date();
  const summary: PopulationSummary = { members: 0, monthlyRows: 0, purchases: 0, lines: 0, tiers: {}, seconds: 0 };
  for (let from = 0; from < o.members; from += batch) {
    const size = Math.min(batch, o.members - from);
    const members: unknown[][] = [];
    const cards: unknown[][] = [];
    const accounts: unknown[][] = [];
    const monthly: unknown[][] = [];
    const purchases: unknown[][] = [];
    const lines: unknown[][] = [];
    for (let i = 0; i < size; i++) {
      const index = from + i;
      const id = uuidv7();
      // Long tail: most members spend little, a few spend a lot (Pareto-like).
      const yearlyCents = Math.floor(20_000 / Math.pow(1 - random() * 0.999, 0.9));
      let spend12 = 0;
      let points12 = 0;
      for (let back = 0; back < 12; back++) {
        if (random() < 0.45) {
          continue; // no purchase that month
        }
        const cents = Math.floor((yearlyCents / 6.6) * (0.5 + random()));
        const purchasesThatMonth = 1 + Math.floor(random() * 4);
        monthly.push([id, monthStart(now, back), cents, Math.floor(cents / 100), purchasesThatMonth]);
        spend12 += cents;
        points12 += Math.floor(cents / 100);
      }
      const tier = spend12 >= SVIP_CENTS ? 'SVIP' : spend12 >= VIP_CENTS ? 'VIP' : 'STANDARD';
      summary.tiers[tier] = (summary.tiers[tier] ?? 0) + 1;
      const birthday = new Date(Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      members.push([
        id,
        'active',
        `Member ${index}`,
        `+86139${String(index).padStart(8, '0')}`,
        birthday.toISOString().slice(0, 10),
        random() < 0.5 ? 'female' : 'male',
        CITIES[Math.floor(random() * CITIES.length)],
        tier,
        now,
        now,
        now,
        now,
      ]);
      cards.push([cardNoFor(index), id, 'active', 'standard', now, now]);
      accounts.push([id, Math.floor(points12 / 2), 0, points12, points12 - Math.floor(points12 / 2), now]);
      const recent = Math.floor(random() * 2 * o.recentPurchasesPerMember);
      for (let p = 0; p < recent; p++) {
        const purchaseId = uuidv7();
        const at = new Date(now.getTime() - Math.floor(random() * 90 * 86_400_000));
        const lineCount = 1 + Math.floor(random() * 3);
        let total = 0;
        for (let l = 0; l < lineCount; l++) {
          const amount = 500 + Math.floor(random() * 20_000);
          total += amount;
          lines.push([purchaseId, l + 1, id, `SKU-${l}`, CATEGORIES[Math.floor(random() * CATEGORIES.length)], 1000, amount, 1, 0, 0]);
        }
        purchases.push([
          purchaseId,
          o.storeId,
          `P-${index}-${p}`,
          id,
          at,
          total,
          total,
          Math.floor(total / 100),
          '0'.repeat(64),
          '{}',
          now,
        ]);
      }
    }
    await Promise.all([
      pool.query(
        'INSERT INTO members (id, status, name, phone, birthday, gender, city, tier_code, tier_since, registered_at, created_at, updated_at) VALUES ?',
        [members],
      ),
      pool.query('INSERT INTO cards (card_no, member_id, status, kind, issued_at, status_changed_at) VALUES ?', [cards]),
      pool.query('INSERT INTO point_accounts (member_id, balance, pending, lifetime_earned, lifetime_redeemed, updated_at) VALUES ?', [
        accounts,
      ]),
      monthly.length > 0
        ? pool.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES ?', [monthly])
        : Promise.resolve(),
      purchases.length > 0
        ? pool.query(
            `INSERT INTO purchases (id, store_id, receipt_no, member_id, occurred_at, total_cents, eligible_cents, points_earned,
               request_hash, response, created_at) VALUES ?`,
            [purchases],
          )
        : Promise.resolve(),
      lines.length > 0
        ? pool.query(
            `INSERT INTO purchase_lines (purchase_id, line_no, member_id, sku, category, quantity_milli, amount_cents, eligible,
               refunded_quantity_milli, refunded_cents) VALUES ?`,
            [lines],
          )
        : Promise.resolve(),
    ]);
    summary.members += size;
    summary.monthlyRows += monthly.length;
    summary.purchases += purchases.length;
    summary.lines += lines.length;
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
