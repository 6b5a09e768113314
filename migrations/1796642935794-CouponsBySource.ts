import { MigrationInterface, QueryRunner } from 'typeorm';

/** A campaign's coupons by their source (`campaign`, `<campaign id>:<occurrence>`): its results count them used. */
export class CouponsBySource1796642935794 implements MigrationInterface {
  name = 'CouponsBySource1796642935794';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `ix_coupons_source` ON `coupons` (`source`, `source_ref`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `ix_coupons_source` ON `coupons`');
  }
}
