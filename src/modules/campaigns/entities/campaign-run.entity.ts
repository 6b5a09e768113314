import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The fan-out run of each occurrence: one per (campaign, occurrence), so a re-planned occurrence reuses its run. */
@Entity('campaign_runs')
export class CampaignRun {
  @PrimaryColumn({ name: 'campaign_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  campaignId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  occurrence: string;

  @Column({ name: 'run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  runId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
