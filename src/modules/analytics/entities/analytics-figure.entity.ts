import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * One precomputed figure of a snapshot: report (churn, loyalty, points,
 * liability, rfm, tiers), series (e.g. churn "tier.90") and label (e.g.
 * "VIP"). A report is one primary-key range read of a few hundred rows.
 */
@Entity('analytics_figures')
export class AnalyticsFigure {
  @PrimaryColumn({ name: 'snapshot_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  snapshotId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  report: string;

  @PrimaryColumn({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  series: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  label: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  value: number;
}
