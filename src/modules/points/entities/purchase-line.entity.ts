import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

@Entity('purchase_lines')
export class PurchaseLine {
  @PrimaryColumn({ name: 'purchase_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  purchaseId: string;

  @PrimaryColumn({ name: 'line_no', type: 'smallint' })
  lineNo: number;

  /** Kept beside purchase_id so the table shards with the member's other rows. */
  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Column({ type: 'varchar', length: 64 })
  category: string;

  /** Quantity in thousandths, so weighed goods (1.25 kg) stay exact. */
  @Column({ name: 'quantity_milli', type: 'bigint', transformer: bigintNumber })
  quantityMilli: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintNumber })
  amountCents: number;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ name: 'refunded_quantity_milli', type: 'bigint', default: 0, transformer: bigintNumber })
  refundedQuantityMilli: number;

  @Column({ name: 'refunded_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  refundedCents: number;
}
