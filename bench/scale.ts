import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mysql, { Pool, RowDataPacket } from 'mysql2/promise';
import { coreImports } from '../src/core.module';
import { ReviewTiersUseCase } from '../src/modules/tiers/engine/review-tiers.use-case';
import { SimulateLadderUseCase } from '../src/modules/tiers/engine/simulate-ladder.use-case';
import { TierEngineModule } from '../src/modules/tiers/engine/tier-engine.module';
import { LadderService } from '../src/modules/tiers/ladder.service';
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
  /** Set-up before both sides run (not timed). */
  prepare?: (pool: Pool) => Promise<void>;
  /** The raw SQL doing the same set-based work; answers a figure to check the project's against. */
  raw: (pool: Pool) => Promise<number>;
  /** The project's own path; answers the same figure. */
  project?: (app: INestApplicationContext) => Promise<number>;
}

/** The engines on the scale database, without HTTP and without queue workers. */
@Module({ imports: [...coreImports('worker'), TierEngineModule] })
class ScaleBenchModule {}

/** VIP now means 12-month spend from ¥5,000 and below ¥20,000 (the default ladder). */
const VIP_BY_WINDOW_SQL = `SELECT COUNT(*) AS n FROM (
   SELECT m.id, COALESCE(SUM(s.spend_cents), 0) AS spend FROM members m
     LEFT JOIN member_monthly_stats s ON s.member_id = m.id
      AND s.month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
    GROUP BY m.id) q WHERE q.spend >= 500000 AND q.spend < 2000000`;

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
  {
    name: 'what-if simulation (the current ladder): VIP after',
    target: 'target < 5 s at 1M',
    raw: async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>(VIP_BY_WINDOW_SQL);
      return Number(rows[0].n);
    },
    project: async (app) => {
      const result = await app.get(SimulateLadderUseCase).execute(await app.get(LadderService).view());
      return result.tiers.find((t) => t.code === 'VIP')?.membersAfter ?? -1;
    },
  },
  {
    name: 'full tier review (every VIP/SVIP due today): moves down',
    target: 'target < 60 s at 1M',
    prepare: async (pool) => {
      // Everyone above the entry tier is due; a member whose window no longer qualifies moves down one level.
      await pool.query("UPDATE members SET tier_review_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 DAY) WHERE tier_code <> 'STANDARD'");
      await pool.query(
        "UPDATE members SET tier_code = 'VIP', tier_review_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 DAY) WHERE id IN (SELECT id FROM (SELECT id FROM members WHERE tier_code = 'STANDARD' ORDER BY id LIMIT 1000) x)",
      );
    },
    // The raw twin reads who moves, set-based (the review writes them too).
    raw: async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM members m
           LEFT JOIN (SELECT member_id, SUM(spend_cents) AS spend FROM member_monthly_stats
                       WHERE month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH) GROUP BY member_id) w
             ON w.member_id = m.id
          WHERE m.tier_review_at <= UTC_TIMESTAMP(3)
            AND ((m.tier_code = 'SVIP' AND COALESCE(w.spend, 0) < 2000000) OR (m.tier_code = 'VIP' AND COALESCE(w.spend, 0) < 500000))`,
      );
      return Number(rows[0].n);
    },
    project: async (app) => (await app.get(ReviewTiersUseCase).execute({ fromId: '', toId: null }, new Date())).downgraded,
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
  let app: INestApplicationContext | undefined;
  try {
    process.stdout.write(`scale bench: ${members} members in ${dbName}\n`);
    const seed = await seedPopulation(pool, { members, recentPurchasesPerMember: 2, seed: 20261125, storeId: newId() });
    process.stdout.write(
      `seed: ${seed.members} members, ${seed.monthlyRows} monthly rows, ${seed.purchases} purchases, ${seed.lines} lines in ${fmt(seed.seconds, 1)} s ` +
        `(${fmt(seed.members / seed.seconds, 0)} members/s); tiers ${JSON.stringify(seed.tiers)}\n`,
    );
    Object.assign(process.env, {
      DATABASE_URL: `mysql://${encodeURIComponent(conn.user)}:${encodeURIComponent(conn.password)}@${conn.host}:${conn.port}/${dbName}`,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `{${dbName}}`,
      ADMIN_EMAIL: 'scale-bench@example.com',
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      RUN_MIGRATIONS: 'false',
    });
    app = await NestFactory.createApplicationContext(ScaleBenchModule, { logger: false });
    for (const phase of PHASES) {
      await phase.prepare?.(pool);
      let t = performance.now();
      const rawFigure = await phase.raw(pool);
      const rawSeconds = (performance.now() - t) / 1000;
      let line = `${phase.name.padEnd(52)} raw ${fmt(rawSeconds, 2)} s (${rawFigure})`;
      if (phase.project) {
        t = performance.now();
        const figure = await phase.project(app);
        const seconds = (performance.now() - t) / 1000;
        line += `  project ${fmt(seconds, 2)} s (${figure})  ratio ${fmt(seconds / rawSeconds, 2)}x${figure === rawFigure ? '' : '  FIGURES DIFFER'}`;
      }
      process.stdout.write(`${line}   ${phase.target}\n`);
    }
  } finally {
    await app?.close();
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
