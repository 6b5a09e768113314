import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rewards catalog and coupons (issue 17): rewards (the coupon templates with their points price, stock and
 * limits), the per-member exchange counts, the exchanges by idempotency key, the coupons each member holds, and
 * the coupons named on purchases (redeemed, returned by a refund, or rejected on an offline receipt).
 */
export class RewardsAndCoupons1796633362867 implements MigrationInterface {
  name = 'RewardsAndCoupons1796633362867';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`coupons\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`code\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`reward_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`source\` varchar(16) NOT NULL,
                \`source_ref\` varchar(100) NULL,
                \`points_paid\` bigint NOT NULL DEFAULT '0',
                \`exchange_entry_id\` bigint NULL,
                \`name_zh\` varchar(100) NOT NULL,
                \`name_en\` varchar(100) NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`value_cents\` bigint NULL,
                \`percent_off\` int NULL,
                \`gift_sku\` varchar(64) NULL,
                \`min_spend_cents\` bigint NOT NULL DEFAULT '0',
                \`store_ids\` text NULL,
                \`valid_from\` datetime(3) NOT NULL,
                \`valid_until\` datetime(3) NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`issued_at\` datetime(3) NOT NULL,
                \`redeemed_purchase_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`redeemed_at\` datetime(3) NULL,
                \`void_reason\` varchar(500) NULL,
                \`voided_at\` datetime(3) NULL,
                \`expired_at\` datetime(3) NULL,
                \`expiry_notice_at\` datetime(3) NULL,
                INDEX \`ix_coupons_reward\` (\`reward_id\`),
                INDEX \`ix_coupons_status_until\` (\`status\`, \`valid_until\`),
                INDEX \`ix_coupons_member\` (\`member_id\`, \`status\`, \`valid_until\`),
                UNIQUE INDEX \`ux_coupons_code\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`coupon_uses\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`purchase_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`code\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`coupon_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`receipt_no\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`reason\` varchar(32) NULL,
                \`discount_cents\` bigint NULL,
                \`occurred_at\` datetime(3) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_coupon_uses_coupon\` (\`coupon_id\`),
                INDEX \`ix_coupon_uses_status\` (\`status\`, \`created_at\`),
                UNIQUE INDEX \`ux_coupon_uses_purchase_coupon\` (\`purchase_id\`, \`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`rewards\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`name_zh\` varchar(100) NOT NULL,
                \`name_en\` varchar(100) NOT NULL,
                \`description_zh\` varchar(1000) NULL,
                \`description_en\` varchar(1000) NULL,
                \`image_url\` varchar(500) NULL,
                \`kind\` varchar(16) NOT NULL,
                \`value_cents\` bigint NULL,
                \`percent_off\` int NULL,
                \`gift_sku\` varchar(64) NULL,
                \`min_spend_cents\` bigint NOT NULL DEFAULT '0',
                \`valid_from\` datetime(3) NULL,
                \`valid_until\` datetime(3) NULL,
                \`valid_days\` int NULL,
                \`timezone\` varchar(64) NOT NULL DEFAULT 'Asia/Shanghai',
                \`store_ids\` text NULL,
                \`points_price\` bigint NULL,
                \`stock_total\` int NULL,
                \`stock_left\` int NULL,
                \`per_member_limit\` int NULL,
                \`eligible_tiers\` text NULL,
                \`eligible_clubs\` text NULL,
                \`sale_starts_at\` datetime(3) NULL,
                \`sale_ends_at\` datetime(3) NULL,
                \`status\` varchar(16) NOT NULL DEFAULT 'active',
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                INDEX \`ix_rewards_status\` (\`status\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`reward_exchanges\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`idempotency_key\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`reward_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`coupon_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`response\` text NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                UNIQUE INDEX \`ux_reward_exchanges_member_key\` (\`member_id\`, \`idempotency_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`reward_member_counts\` (
                \`reward_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`exchanged\` int NOT NULL DEFAULT '0',
                PRIMARY KEY (\`reward_id\`, \`member_id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE \`reward_member_counts\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_reward_exchanges_member_key\` ON \`reward_exchanges\`
        `);
    await queryRunner.query(`
            DROP TABLE \`reward_exchanges\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_rewards_status\` ON \`rewards\`
        `);
    await queryRunner.query(`
            DROP TABLE \`rewards\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_coupon_uses_purchase_coupon\` ON \`coupon_uses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_coupon_uses_status\` ON \`coupon_uses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_coupon_uses_coupon\` ON \`coupon_uses\`
        `);
    await queryRunner.query(`
            DROP TABLE \`coupon_uses\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_coupons_code\` ON \`coupons\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_coupons_member\` ON \`coupons\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_coupons_status_until\` ON \`coupons\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_coupons_reward\` ON \`coupons\`
        `);
    await queryRunner.query(`
            DROP TABLE \`coupons\`
        `);
  }
}
