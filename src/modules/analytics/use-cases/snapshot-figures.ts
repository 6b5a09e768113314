import { AnalyticsRepository, SnapshotRow } from '../analytics.repository';
import { addDays, businessDay, DAILY_DAYS, Figure, Report } from '../rules/figures';
import { Period, PeriodRequest, resolvePeriod, sumDays } from '../rules/period';

/** A report's period as answered: the business days asked for and whether the snapshot's daily figures cover them. */
export interface ReportPeriod extends Period {
  /** false when part of the period lies outside the snapshot's daily figures (after its day, or more than 366 days before it). */
  complete: boolean;
}

/** The newest finished snapshot's figures of some reports, looked up by series and label; empty when there is no snapshot yet. */
export class SnapshotFigures {
  private readonly index = new Map<string, number>();

  private constructor(
    readonly snapshot: SnapshotRow | null,
    private readonly figures: Figure[],
  ) {
    for (const f of figures) {
      this.index.set(`${f.report}\u0000${f.series}\u0000${f.label}`, f.value);
    }
  }

  static async load(repo: AnalyticsRepository, reports: Report[]): Promise<SnapshotFigures> {
    const snapshot = await repo.latestSnapshot();
    return new SnapshotFigures(snapshot, snapshot ? await repo.figures(snapshot.id, reports) : []);
  }

  /** One figure; 0 when the snapshot has none (nothing to count) or there is no snapshot. */
  get(report: Report, series: string, label: string): number {
    return this.index.get(`${report}\u0000${series}\u0000${label}`) ?? 0;
  }

  /**
   * The period asked for (a preset ends on the snapshot's business day); null before the first snapshot. Check the
   * query with customPeriod before loading, so a bad one is refused even then.
   */
  period(q: PeriodRequest): ReportPeriod | null {
    if (!this.snapshot) {
      return null;
    }
    const today = businessDay(this.snapshot.asOf);
    const p = resolvePeriod(q, today);
    return { ...p, complete: p.from >= addDays(today, 1 - DAILY_DAYS) && p.to <= today };
  }

  /** A per-day figure (series = the business day) summed over a period's days. */
  sumDays(report: Report, label: string, period: { from: string; to: string } | null): number {
    return period ? sumDays((day) => this.get(report, day, label), period.from, period.to) : 0;
  }

  /** The labels and values of one series whose labels start with prefix (the prefix removed). */
  list(report: Report, series: string, prefix = ''): Array<{ key: string; value: number }> {
    return this.figures
      .filter((f) => f.report === report && f.series === series && f.label.startsWith(prefix))
      .map((f) => ({ key: f.label.slice(prefix.length), value: f.value }));
  }

  /** Every figure of one report. */
  all(report: Report): Figure[] {
    return this.figures.filter((f) => f.report === report);
  }

  /** snapshotAt (when it was written) and asOf (the instant its figures are for), or nulls. */
  stamp(): { snapshotAt: string | null; asOf: string | null } {
    return {
      snapshotAt: this.snapshot ? this.snapshot.finishedAt.toISOString() : null,
      asOf: this.snapshot ? this.snapshot.asOf.toISOString() : null,
    };
  }
}
