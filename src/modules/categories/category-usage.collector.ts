import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PostedBatch, PostingEvents } from '../points/posting-events';
import { CategoriesRepository, UsageDelta } from './categories.repository';

/** Counts gathered in memory go to the database at most this often (one upsert for every code seen meanwhile). */
export const CATEGORY_USAGE_FLUSH_MS = 5000;

/**
 * Counts the category codes of posted purchase lines, off the POS path: a committed batch adds its lines' codes to
 * a map in memory (no I/O on the till's path); every CATEGORY_USAGE_FLUSH_MS the map goes to `category_usage` in
 * one upsert. Codes the catalog does not name are the unknown codes the console lists. Counts are for naming codes,
 * not for money: a crash between flushes loses those seconds' counts (a failed flush keeps them for the next).
 */
@Injectable()
export class CategoryUsageCollector implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CategoryUsageCollector.name);
  private pending = new Map<string, UsageDelta>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: PostingEvents,
    private readonly categories: CategoriesRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((batch) => this.gather(batch));
  }

  /** Adds a committed batch's line codes; schedules a flush. */
  gather(batch: PostedBatch): void {
    const codes = batch.lineCategories;
    if (!codes || codes.length === 0) {
      return;
    }
    const now = new Date();
    for (const code of codes) {
      const d = this.pending.get(code);
      if (d) {
        d.lines++;
        d.lastSeenAt = now;
      } else {
        this.pending.set(code, { code, lines: 1, firstSeenAt: now, lastSeenAt: now });
      }
    }
    this.schedule();
  }

  private schedule(): void {
    // unref: a pending flush never holds a stopping process open (the shutdown hook flushes).
    this.timer ??= setTimeout(() => void this.flush(), CATEGORY_USAGE_FLUSH_MS).unref();
  }

  /** Writes what was gathered (one statement); on failure the counts wait for the next flush. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const deltas = [...this.pending.values()];
    this.pending = new Map();
    if (deltas.length === 0) {
      return;
    }
    try {
      await this.categories.addUsage(deltas);
    } catch (err) {
      this.logger.warn({ msg: 'category usage not written; kept for the next flush', codes: deltas.length, err });
      for (const d of deltas) {
        const later = this.pending.get(d.code);
        this.pending.set(
          d.code,
          later ? { code: d.code, lines: d.lines + later.lines, firstSeenAt: d.firstSeenAt, lastSeenAt: later.lastSeenAt } : d,
        );
      }
      this.schedule();
    }
  }

  /** At a graceful stop, after the last purchase batches committed (onModuleDestroy) and while the database is open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
