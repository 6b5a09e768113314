import { Readable } from 'node:stream';
import { Pool, PoolConnection } from 'mysql2/promise';
import { v7 as uuidv7 } from 'uuid';

/*
 * A realistic member population for the scale benchmarks (tier reviews,
 * customer value, club regroups, campaign fan-out over a million members),
 * loaded with LOAD DATA LOCAL INFILE and a fixed seed, so two runs build the same
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
  /** Members per loaded batch. */
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
const ZERO_HASH = '0'.repeat(64);

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

/** A DATETIME(3) literal in UTC (the bench's connections use timezone 'Z'). */
function sqlTime(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}

/** The tables the seed loads, with the columns of each tab-separated line in order. */
const TABLES = {
  members: 'id, status, name, phone, birthday, gender, city, tier_code, tier_since, registered_at, created_at, updated_at',
  cards: 'card_no, member_id, status, kind, issued_at, status_changed_at',
  point_accounts: 'member_id, balance, pending, lifetime_earned, lifetime_redeemed, updated_at',
  member_monthly_stats: 'member_id, month, spend_cents, points, purchases',
  purchases:
    'id, store_id, receipt_no, member_id, occurred_at, total_cents, eligible_cents, points_earned, request_hash, response, created_at',
  purchase_lines:
    'purchase_id, line_no, member_id, sku, category, quantity_milli, amount_cents, eligible, refunded_quantity_milli, refunded_cents',
} as const;
type Table = keyof typeof TABLES;

/** One batch of members as tab-separated lines per table (no value holds a tab, a newline or a backslash). */
type Batch = Record<Table, string[]>;

/** Packets under the server's max_allowed_packet: the file is streamed in slices of this many characters (ASCII but names). */
const SLICE_CHARS = 1 << 20;

/**
 * One batch into one table with LOAD DATA LOCAL INFILE: the server parses tab-separated
 * lines instead of a multi-row INSERT's SQL, and the client builds a string instead of
 * escaping a nested array (measured faster; see the README's Benchmark section).
 */
async function loadLines(conn: PoolConnection, table: Table, lines: string[]): Promise<void> {
  if (lines.length === 0) {
    return;
  }
  const text = lines.join('\n') + '\n';
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE '${table}' INTO TABLE ${table} CHARACTER SET utf8mb4 (${TABLES[table]})`,
    infileStreamFactory: () =>
      Readable.from(
        (function* slices() {
          for (let i = 0; i < text.length; i += SLICE_CHARS) {
            yield Buffer.from(text.slice(i, i + SLICE_CHARS), 'utf8');
          }
        })(),
      ),
  });
}

/**
 * Seeds the population. Each table has its own connection, its session set for a bulk
 * load (unique and foreign key checks off: the generator makes every key unique by
 * construction); a batch is generated while the one before it loads, so the generator's
 * core and the server's work side by side.
 */
export async function seedPopulation(pool: Pool, o: PopulationOptions): Promise<PopulationSummary> {
  const started = Date.now();
  const random = prng(o.seed);
  const batch = o.batch ?? 20_000;
  const now = new Date();
  const nowSql = sqlTime(now);
  const months = Array.from({ length: 12 }, (_, back) => monthStart(now, back));
  const summary: PopulationSummary = { members: 0, monthlyRows: 0, purchases: 0, lines: 0, tiers: {}, seconds: 0 };
  const tables = Object.keys(TABLES) as Table[];
  const conns = new Map<Table, PoolConnection>();
  try {
    for (const table of tables) {
      const conn = await pool.getConnection();
      conns.set(table, conn);
      await conn.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
    }
    let loading: Promise<unknown> = Promise.resolve();
    for (let from = 0; from < o.members; from += batch) {
      const size = Math.min(batch, o.members - from);
      const b: Batch = { members: [], cards: [], point_accounts: [], member_monthly_stats: [], purchases: [], purchase_lines: [] };
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
          b.member_monthly_stats.push(`${id}\t${months[back]}\t${cents}\t${Math.floor(cents / 100)}\t${purchasesThatMonth}`);
          spend12 += cents;
          points12 += Math.floor(cents / 100);
        }
        const tier = spend12 >= SVIP_CENTS ? 'SVIP' : spend12 >= VIP_CENTS ? 'VIP' : 'STANDARD';
        summary.tiers[tier] = (summary.tiers[tier] ?? 0) + 1;
        const birthday = new Date(Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
        const gender = random() < 0.5 ? 'female' : 'male';
        const city = CITIES[Math.floor(random() * CITIES.length)];
        b.members.push(
          `${id}\tactive\tMember ${index}\t+86139${String(index).padStart(8, '0')}\t${birthday.toISOString().slice(0, 10)}\t${gender}\t${city}\t${tier}` +
            `\t${nowSql}\t${nowSql}\t${nowSql}\t${nowSql}`,
        );
        b.cards.push(`${cardNoFor(index)}\t${id}\tactive\tstandard\t${nowSql}\t${nowSql}`);
        b.point_accounts.push(`${id}\t${Math.floor(points12 / 2)}\t0\t${points12}\t${points12 - Math.floor(points12 / 2)}\t${nowSql}`);
        const recent = Math.floor(random() * 2 * o.recentPurchasesPerMember);
        for (let p = 0; p < recent; p++) {
          const purchaseId = uuidv7();
          const at = new Date(now.getTime() - Math.floor(random() * 90 * 86_400_000));
          const lineCount = 1 + Math.floor(random() * 3);
          let total = 0;
          for (let l = 0; l < lineCount; l++) {
            const amount = 500 + Math.floor(random() * 20_000);
            total += amount;
            const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
            b.purchase_lines.push(`${purchaseId}\t${l + 1}\t${id}\tSKU-${l}\t${category}\t1000\t${amount}\t1\t0\t0`);
          }
          b.purchases.push(
            `${purchaseId}\t${o.storeId}\tP-${index}-${p}\t${id}\t${sqlTime(at)}\t${total}\t${total}\t${Math.floor(total / 100)}` +
              `\t${ZERO_HASH}\t{}\t${nowSql}`,
          );
        }
      }
      // The batch before this one has been loading while this one was generated.
      await loading;
      loading = Promise.all(tables.map((t) => loadLines(conns.get(t)!, t, b[t])));
      summary.members += size;
      summary.monthlyRows += b.member_monthly_stats.length;
      summary.purchases += b.purchases.length;
      summary.lines += b.purchase_lines.length;
    }
    await loading;
  } finally {
    for (const conn of conns.values()) {
      await conn.query('SET SESSION unique_checks = 1, foreign_key_checks = 1').catch(() => undefined);
      conn.release();
    }
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
