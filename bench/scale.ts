import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mysql, { Pool, RowDataPacket } from 'mysql2/promise';
import { newId } from '../src/common/ids';
import { runMigrations } from '../src/database/migrate';
import { fmt } from './lib';
import { seedPopulation } from './population';

/*
 * Scale benchmark over a generated population (bench/population.ts):
 *
 *   npm run bench:scale                 1,000,000 members
 *   npm run bench:scale -- --members 50000 --keep
 *
 * Each phase prints the project's figure beside the raw SQL doing the same
 * set-based work, and the ratio. Phases are added as the engines land; the
 * seed itself is measured too. Env: BENCH_MYSQL_URL (server, no database).
 */

interface Phase {
  name: string;
  target: string;
  /** The raw SQL doing the same set-based work; answers a figure to check the project's against. */
  raw: (pool: Pool) => Promise<number>;
  /** The project's own path; answers the same figure. */
  project?: (pool: Pool, dbName: string) => Promise<number>;
}

const PHASES: Phase[] = [
  {
    name: 'qualifying window sums (12 months, all members)',
    target: 'the base of reviews and simulation',
    raw: async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM (
           SELECT member_id, SUM(spend_cents) AS spend FROM member_monthly_stats
            WHERE month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
            GROUP BY member_id HAVING SUM(spend_cents) >= 500000) q`,
      );
      return Number(rows[0].n);
    },
  },
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const members = arg('members', 1_000_000);
  const keep = process.argv.includes('--keep');
  const server = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306');
  const dbName = `loyalty_scale_${randomBytes(4).toString('hex')}`;
  const conn = {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  };
  await runMigrations({ ...conn, database: dbName, poolSize: 2 });
  const pool = mysql.createPool({ ...conn, database: dbName, connectionLimit: 6, timezone: 'Z' });
  try {
    process.stdout.write(`scale bench: ${members} members in ${dbName}\n`);
    const seed = await seedPopulation(pool, { members, recentPurchasesPerMember: 2, seed: 20261125, storeId: newId() });
    process.stdout.write(
      `seed: ${seed.members} members, ${seed.monthlyRows} monthly rows, ${seed.purchases} purchases, ${seed.lines} lines in ${fmt(seed.seconds, 1)} s ` +
        `(${fmt(seed.members / seed.seconds, 0)} members/s); tiers ${JSON.stringify(seed.tiers)}\n`,
    );
    for (const phase of PHASES) {
      let t = performance.now();
      const rawFigure = await phase.raw(pool);
      const rawSeconds = (performance.now() - t) / 1000;
      let line = `${phase.name.padEnd(52)} raw ${fmt(rawSeconds, 2)} s (${rawFigure})`;
      if (phase.project) {
        t = performance.now();
        const figure = await phase.project(pool, dbName);
        const seconds = (performance.now() - t) / 1000;
        line += `  project ${fmt(seconds, 2)} s (${figure})  ratio ${fmt(seconds / rawSeconds, 2)}x${figure === rawFigure ? '' : '  FIGURES DIFFER'}`;
      }
      process.stdout.write(`${line}   ${phase.target}\n`);
    }
  } finally {
    await pool.end();
    if (!keep) {
      const admin = await mysql.createConnection(conn);
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
