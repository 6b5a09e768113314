import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * A campaign's points budget. Grants and bonus-rule points both take from it
 * under the row's lock (or a conditional UPDATE), so it never goes past the cap.
 */
@Entity('campaign_budgets')
export class CampaignBudget {
  @PrimaryColumn({ name: 'campaign_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  campaignId: string;

  /** null: no cap. */
  @Column({ name: 'cap_points', type: 'bigint', nullable: true, transformer: bigintNumber })
  capPoints: number | null;

  @Column({ name: 'spent_points', type: 'bigint', default: 0, transformer: bigintNumber })
  spentPoints: number;

  /** The part of spent_points given by the bonus earning rule on purchases. */
  @Column({ name: 'bonus_points', type: 'bigint', default: 0, transformer: bigintNumber })
  bonusPoints: number;

  /** The occurrence the grants below belong to (the campaign's occurrence_grant_limit is per occurrence). */
  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  occurrence: string | null;

  @Column({ name: 'occurrence_granted_points', type: 'bigint', default: 0, transformer: bigintNumber })
  occurrenceGrantedPoints: number;
}
