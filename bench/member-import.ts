import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/config/app-config';
import { coreImports } from '../src/core.module';
import { TierPortsModule } from '../src/modules/tiers/tier-ports.module';
import { ensureDatabase, runMigrations } from '../src/database/migrate';
import { ArchiveModule } from '../src/modules/archive/archive.module';
import { IMPORT_PART_ROWS, MemberImportService } from '../src/modules/archive/import/member-import.service';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service';

/*
 * CSV member import benchmark: BENCH_IMPORT_ROWS generated rows (default
 * 100,000; 1 in 50 invalid, 4 in 5 with an opening balance) through the same
 * service the API and the import worker use: the parse and staging (the API's
 * share), then every part (the workers' share) with BENCH_IMPORT_WORKERS
 * parts at a time (default 2, one per core). A fresh database
 * loyalty_import_<random> is created and dropped.
 *
 *   npm run bench:import
 */

@Module({ imports: [...coreImports('worker'), TierPortsModule, ArchiveModule] })
class ImportBenchModule {}

function csvOf(rows: number): string {
  const lines = ['external_id,name,phone,email,birthday,opening_points'];
  for (let i = 1; i <= rows; i++) {
    const bad = i % 50 === 0;
    const phone = `+86137${String(i).padStart(8, '0')}`;
    lines.push(
      `OLD-${i},Member ${i},${bad ? '12345' : phone},m${i}@example.com,1985-03-${String((i % 28) + 1).padStart(2, '0')},${i % 5 === 0 ? '' : i % 3000}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const workers = Number(process.env.BENCH_IMPORT_WORKERS ?? 2);
  const server = (process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306').replace(/\/$/, '');
  const dbName = `loyalty_import_${randomBytes(4).toString('hex')}`;
  process.env.DATABASE_URL = `${server}/${dbName}`;
  process.env.QUEUE_PREFIX = `{bench-${dbName}}`;
  process.env.LOG_LEVEL = 'warn';
  process.env.ADMIN_EMAIL ??= 'bench@example.com';
  process.env.ADMIN_PASSWORD ??= 'bench-admin-password';
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  const config = loadConfig();
  await ensureDatabase(config.database);
  await runMigrations(config.database);
  let ctx: INestApplicationContext | null = null;
  try {
    ctx = await NestFactory.createApplicationContext(ImportBenchModule, { logger: ['error'] });
    const importer = ctx.get(MemberImportService);
    const csv = csvOf(rows);
    const t0 = performance.now();
    const staged = await importer.stage(SYSTEM_ACTOR, csv);
    const t1 = performance.now();
    const totals = { accepted: 0, exists: 0, rejected: 0, openingPoints: 0 };
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < staged.parts) {
          const part = next++;
          const r = await importer.processPart(staged.runId, part * IMPORT_PART_ROWS + 1, Math.min((part + 1) * IMPORT_PART_ROWS, rows));
          totals.accepted += r.accepted;
          totals.exists += r.exists;
          totals.rejected += r.rejected;
          totals.openingPoints += r.openingPoints;
        }
      }),
    );
    const t2 = performance.now();
    const conn = await mysql.createConnection(`${server}/${dbName}`);
    const [[check]] = (await conn.query(
      'SELECT (SELECT COUNT(*) FROM members) AS members, (SELECT COALESCE(SUM(balance), 0) FROM point_accounts) AS balances, (SELECT COALESCE(SUM(points), 0) FROM point_entries) AS entries',
    )) as unknown as [[{ members: number; balances: string; entries: string }]];
    await conn.end();
    const stageS = (t1 - t0) / 1000;
    const partsS = (t2 - t1) / 1000;
    console.log(
      JSON.stringify(
        {
          rows,
          parts: staged.parts,
          workers,
          parseAndStageSeconds: Number(stageS.toFixed(2)),
          partsSeconds: Number(partsS.toFixed(2)),
          totalSeconds: Number((stageS + partsS).toFixed(2)),
          rowsPerSecond: Math.round(rows / (stageS + partsS)),
          ...totals,
          check: { members: Number(check.members), balances: Number(check.balances), entries: Number(check.entries) },
        },
        null,
        2,
      ),
    );
    if (Number(check.balances) !== totals.openingPoints || Number(check.entries) !== totals.openingPoints) {
      throw new Error('the ledger does not match the opening balances');
    }
  } finally {
    await ctx?.close();
    const conn = await mysql.createConnection(server);
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
