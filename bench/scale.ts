import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { coreImports } from '../src/core.module';
import { TierPortsModule } from '../src/modules/tiers/tier-ports.module';
import { AnalyticsModule } from '../src/modules/analytics/analytics.module';
import { ClubsModule } from '../src/modules/clubs/clubs.module';
import { RankReviewModule } from '../src/modules/tiers/rank-review/rank-review.module';
import { TierEngineModule } from '../src/modules/tiers/engine/tier-engine.module';
import { ValueModule } from '../src/modules/value/value.module';
import { CampaignsModule } from '../src/modules/campaigns/campaigns.module';
import { MessagesModule } from '../src/modules/messages/messages.module';
import { newId } from '../src/common/ids';
import { runMigrations } from '../src/database/migrate';
import { deleteKeysUnder } from '../src/queue/delete-keys-under';
import { fmt } from './lib';
import { seedPopulation } from './population';
import { Phase } from './scale/phase';
import { ANALYTICS_PHASES } from './scale/analytics-phases';
import { CLUB_PHASES } from './scale/club-phases';
import { RANK_PHASES } from './scale/rank-phases';
import { CAMPAIGN_PHASES } from './scale/campaign-phases';
import { TIER_PHASES } from './scale/tier-phases';
import { VALUE_PHASES } from './scale/value-phases';

/*
 * Scale benchmark over a generated population (bench/population.ts):
 *
 *   npm run bench:scale                 1,000,000 members
 *   npm run bench:scale -- --members 50000 --keep       keeps the seeded database (its name is printed)
 *   npm run bench:scale -- --db loyalty_scale_ab12cd34   reuses a kept database: no seed (phases may change it)
 *   npm run bench:scale -- --only simulation             runs the phases whose name contains the text
 *   npm run bench:scale -- --skip 'campaign message'     leaves out the phases whose name contains the text
 *   node dist/bench/scale.js --db <name> --only campaign  the campaign grant and message fan-out phases
 *
 * Each phase prints the project's figure beside the raw SQL doing the same
 * set-based work, and the ratio. Phases are added as the engines land; the
 * seed itself is measured too. Env: BENCH_MYSQL_URL (server, no database).
 */

/** The engines on the scale database, without HTTP and without queue workers (campaign phases play the part jobs in-process). */
@Module({
  imports: [
    ...coreImports('worker'),
    TierPortsModule,
    TierEngineModule,
    ValueModule,
    RankReviewModule,
    ClubsModule,
    AnalyticsModule,
    CampaignsModule,
    MessagesModule,
  ],
})
class ScaleBenchModule {}

/**
 * Phases in order; each engine's phases sit in their own file under bench/scale/.
 * The rank review ranks by the value run's scores (its set-up runs one when none is there).
 */
const PHASES: Phase[] = [...TIER_PHASES, ...VALUE_PHASES, ...RANK_PHASES, ...CLUB_PHASES, ...CAMPAIGN_PHASES, ...ANALYTICS_PHASES];

function textArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const members = arg('members', 1_000_000);
  const reuse = textArg('db');
  const only = textArg('only');
  const skip = textArg('skip');
  const keep = process.argv.includes('--keep') || reuse !== undefined;
  const server = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306');
  const dbName = reuse ?? `loyalty_scale_${randomBytes(4).toString('hex')}`;
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
    if (reuse) {
      process.stdout.write(`scale bench: reusing ${dbName} (no seed)\n`);
    } else {
      process.stdout.write(`scale bench: ${members} members in ${dbName}\n`);
      const seed = await seedPopulation(pool, { members, recentPurchasesPerMember: 2, seed: 20261125, storeId: newId() });
      process.stdout.write(
        `seed: ${seed.members} members, ${seed.monthlyRows} monthly rows, ${seed.purchases} purchases, ${seed.lines} lines in ${fmt(seed.seconds, 1)} s ` +
          `(${fmt(seed.members / seed.seconds, 0)} members/s); tiers ${JSON.stringify(seed.tiers)}\n`,
      );
    }
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
    const chosen = PHASES.filter((p) => (only === undefined || p.name.includes(only)) && (skip === undefined || !p.name.includes(skip)));
    for (const phase of chosen) {
      await phase.prepare?.(pool, app);
      let t = performance.now();
      const rawFigure = await phase.raw(pool);
      const rawSeconds = (performance.now() - t) / 1000;
      let line = `${phase.name.padEnd(52)} raw ${fmt(rawSeconds, 2)} s (${rawFigure})`;
      if (phase.project) {
        await phase.between?.(pool);
        t = performance.now();
        const figure = await phase.project(app);
        const seconds = (performance.now() - t) / 1000;
        line += `  project ${fmt(seconds, 2)} s (${figure})  ratio ${fmt(seconds / rawSeconds, 2)}x${figure === rawFigure ? '' : '  FIGURES DIFFER'}`;
        if (phase.unit) {
          const rawRate = rawFigure / rawSeconds;
          const rate = figure / seconds;
          line += `  [${phase.unit}/s: raw ${fmt(rawRate, 0)}, project ${fmt(rate, 0)} = ${fmt((100 * rate) / rawRate, 0)}% of raw]`;
        }
      }
      process.stdout.write(`${line}   ${phase.target}\n`);
      await phase.cleanup?.(pool);
    }
  } finally {
    await app?.close();
    await pool.end();
    if (!keep) {
      const admin = await mysql.createConnection(conn);
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
      // The run's queues (job runs, schedulers, finished jobs) under its own prefix.
      const redis = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
      try {
        await redis.connect();
        await deleteKeysUnder(redis, `{${dbName}}`);
      } finally {
        redis.disconnect();
      }
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
