import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A store's POS key. Only the SHA-256 of the key is kept; the key itself is shown once. */
@Entity('api_keys')
@Index('ix_api_keys_store', ['storeId'])
export class ApiKey {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  storeId: string;

  @Column({ name: 'key_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', unique: true })
  keyHash: string;

  /** The first characters of the key, so an admin can tell keys apart. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
