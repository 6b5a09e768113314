import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ADMIN_ROLES = ['admin', 'marketer', 'analyst', 'support'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

@Entity('admin_users')
export class AdminUser {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  /** scrypt$N$r$p$salt$hash */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: AdminRole;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;
}
