import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * granted: the actions reached the member; holdout: held out, got nothing;
 * over_budget: the cap was reached first; failed: no points account.
 */
export type DeliveryStatus = 'granted' | 'holdout' | 'over_budget' | 'failed';

/** One member's delivery of one occurrence. The key is the guard against granting or messaging twice. */
@Entity('campaign_deliveries')
export class CampaignDelivery {
  @PrimaryColumn({ name: 'campaign_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  campaignId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  occurrence: string;

  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status: DeliveryStatus;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  points: number;

  /** `outbox` when the batch put the member's message in the outbox (same transaction); null without a message action. */
  @Column({ name: 'message_status', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  messageStatus: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
