import { AnalyticsRepository, SnapshotRow } from '../analytics.repository';
import { Figure, Report } from '../rules/figures';

/** The newest finished snapshot's figures of some reports, looked up by series and label; empty when there is no snapshot yet. */
export class SnapshotFigures {
  private constructor(
    readonly snapshot: SnapshotRow | null,
    private readonly figures: Figure[],
  ) {}

  static async load(repo: AnalyticsRepository, reports: Report[]): Promise<SnapshotFigures> {
    const snapshot = await repo.latestSnapshot();
    return new SnapshotFigures(snapshot, snapshot ? await repo.figures(snapshot.id, reports) : []);
  }

  /** One figure; 0 when the snapshot has none (nothing to count) or there is no snapshot. */
  get(report: Report, series: string, label: string): number {
    return this.figures.find((f) => f.report === report && f.series === series && f.label === label)?.value ?? 0;
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
