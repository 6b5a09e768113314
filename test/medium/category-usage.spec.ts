import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { requestHash } from '../../src/common/canonical-json';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { CategoriesModule } from '../../src/modules/categories/categories.module';
import { CategoriesRepository } from '../../src/modules/categories/categories.repository';
import { CategoryNames } from '../../src/modules/categories/category-names';
import { CategoryUsageCollector } from '../../src/modules/categories/category-usage.collector';
import { ListCategoriesUseCase } from '../../src/modules/categories/use-cases/list-categories.use-case';
import { ListUnknownCategoriesUseCase } from '../../src/modules/categories/use-cases/list-unknown-categories.use-case';
import { SaveCategoryUseCase } from '../../src/modules/categories/use-cases/save-category.use-case';
import { PurchaseCommand } from '../../src/modules/points/points.types';
import { PostingEvents } from '../../src/modules/points/posting-events';
import { PostPurchaseBatch } from '../../src/modules/points/use-cases/post-purchase/post-purchase.batch';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { uniq } from '../support/factories';
import { newMember } from './medium-context';

const STORE = newId();

/** The catalog's use counts: gathered from committed purchase batches in memory, written by one upsert per flush. */
describe('category usage on the real database', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let collector: CategoryUsageCollector;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, CategoriesModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    collector = ctx.get(CategoryUsageCollector);
  });

  afterAll(async () => {
    await ctx.close();
  });

  function purchase(cardNo: string, categories: string[]): PurchaseCommand {
    const lines = categories.map((category, i) => ({ sku: `SKU-${i}`, category, quantityMilli: 1000, amountCents: 1000 }));
    const cmd = {
      storeId: STORE,
      receiptNo: uniq('R'),
      member: { cardNo },
      occurredAt: new Date(),
      lines,
      totalCents: 1000 * lines.length,
    };
    return { ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) };
  }

  const usage = async (code: string) => {
    const [row] = await db.query('SELECT line_count, first_seen_at, last_seen_at FROM category_usage WHERE code = ?', [code]);
    return row ? { lines: Number(row.line_count), first: new Date(row.first_seen_at), last: new Date(row.last_seen_at) } : null;
  };

  it('counts the lines of posted purchases by code after a flush, and writes nothing on the purchase path', async () => {
    const a = await newMember(ctx);
    const wine = uniq('wine').toLowerCase();
    const baby = uniq('红酒').toLowerCase();
    const outcomes = await ctx.get(PostPurchaseBatch).post([purchase(a.cardNo, [wine, wine, baby]), purchase(a.cardNo, [wine])]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // Posted and answered, but nothing counted in the database yet: the till's transaction did not touch category_usage.
    expect(await usage(wine)).toBeNull();
    await collector.flush();
    expect((await usage(wine))?.lines).toBe(3);
    expect((await usage(baby))?.lines).toBe(1);

    const first = (await usage(wine))!;
    await ctx.get(PostPurchaseBatch).post([purchase(a.cardNo, [wine])]);
    await collector.flush();
    const after = (await usage(wine))!;
    expect(after.lines).toBe(4);
    expect(after.first).toEqual(first.first);
    expect(after.last.getTime()).toBeGreaterThanOrEqual(first.last.getTime());
  });

  it('a refused purchase counts nothing (only committed lines are counted)', async () => {
    const a = await newMember(ctx);
    const code = uniq('refused').toLowerCase();
    const bad = { ...purchase(a.cardNo, [code]), totalCents: 1 };
    const [outcome] = await ctx.get(PostPurchaseBatch).post([bad]);
    expect(outcome.ok).toBe(false);
    await collector.flush();
    expect(await usage(code)).toBeNull();
  });

  it('two processes flushing the same codes at once add up (one upsert each)', async () => {
    const other = new CategoryUsageCollector(new PostingEvents(), ctx.get(CategoriesRepository));
    const codes = Array.from({ length: 20 }, () => uniq('c').toLowerCase());
    for (let i = 0; i < 5; i++) {
      collector.gather({ purchases: [], tierMoves: [], lineCategories: codes });
      other.gather({ purchases: [], tierMoves: [], lineCategories: [...codes].reverse() });
      await Promise.all([collector.flush(), other.flush()]);
    }
    const counts = await db.query(`SELECT line_count FROM category_usage WHERE code IN (${codes.map(() => '?').join(', ')})`, codes);
    expect(counts.map((r: { line_count: string }) => Number(r.line_count))).toEqual(new Array(20).fill(10));
  });

  it('a graceful stop writes what was gathered since the last flush', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, CategoriesModule],
    }).compile();
    const other = moduleRef.createNestApplication({ logger: false });
    await other.init();
    const code = uniq('at-stop').toLowerCase();
    other.get(CategoryUsageCollector).gather({ purchases: [], tierMoves: [], lineCategories: [code, code] });
    await other.close();
    expect((await usage(code))?.lines).toBe(2);
  });

  it('a burst of new codes (more than one statement holds) is written whole', async () => {
    const codes = Array.from({ length: 1200 }, () => uniq('burst').toLowerCase());
    collector.gather({ purchases: [], tierMoves: [], lineCategories: codes });
    await collector.flush();
    const ours = await db.query(`SELECT COUNT(*) AS n FROM category_usage WHERE code IN (${codes.map(() => '?').join(', ')})`, codes);
    expect(Number(ours[0].n)).toBe(1200);
  });

  it('unknown codes are listed most used first until named; the catalog then lists the entry with its count, audited', async () => {
    const rare = uniq('zz-rare').toLowerCase();
    const common = uniq('zz-common').toLowerCase();
    collector.gather({ purchases: [], tierMoves: [], lineCategories: [rare, common, common, common] });
    await collector.flush();
    const unknown = async () => {
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await ctx.get(ListUnknownCategoriesUseCase).page(cursor, 2);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items.map((i) => i.code);
    };
    const before = await unknown();
    expect(before.indexOf(common)).toBeGreaterThanOrEqual(0);
    expect(before.indexOf(common)).toBeLessThan(before.indexOf(rare));

    await ctx.get(SaveCategoryUseCase).create(SYSTEM_ACTOR, { code: common.toUpperCase(), nameZh: '常见', nameEn: 'Common' });
    expect(await unknown()).not.toContain(common);
    expect(await unknown()).toContain(rare);
    const entry = await ctx.get(ListCategoriesUseCase).one(common);
    expect(entry).toMatchObject({ code: common, nameZh: '常见', nameEn: 'Common', lineCount: 3 });
    const found = await ctx.get(ListCategoriesUseCase).page('常见', null, 50);
    expect(found.items.map((i) => i.code)).toContain(common);
    const names = await ctx.get(CategoryNames).lookup([common, rare]);
    expect(names(common)).toEqual({ en: 'Common', zhCN: '常见' });
    expect(names(rare)).toEqual({ en: rare, zhCN: rare });
    const audit = await db.query("SELECT action FROM audit_log WHERE entity_type = 'category' AND entity_id = ?", [common]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['category.create']);
  });

  it('gathering is in memory and costs well under a microsecond per line (the POS path is not slowed)', async () => {
    const codes = Array.from({ length: 40 }, (_, i) => `bench-${i}-${newId().slice(0, 8)}`);
    const lines = Array.from({ length: 64 * 5 }, (_, i) => codes[i % codes.length]);
    const batches = 2000; // 640,000 lines: 64 purchases of 5 lines per group commit, 2000 commits
    const started = performance.now();
    for (let i = 0; i < batches; i++) {
      collector.gather({ purchases: [], tierMoves: [], lineCategories: lines });
    }
    const perLineNs = ((performance.now() - started) * 1e6) / (batches * lines.length);
    await collector.flush();
    expect(perLineNs).toBeLessThan(1000);
    const [row] = await db.query('SELECT line_count FROM category_usage WHERE code = ?', [codes[0]]);
    expect(Number(row.line_count)).toBe((batches * lines.length) / codes.length);
    console.log(`category usage: ${perLineNs.toFixed(0)} ns per purchase line gathered; one upsert per flush`);
  });
});
