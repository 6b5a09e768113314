import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795597888761 implements MigrationInterface {
  name = 'Initial1795597888761';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`audit_log\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`actor_type\` varchar(16) NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`action\` varchar(64) NOT NULL,
                \`entity_type\` varchar(32) NOT NULL,
                \`entity_id\` varchar(64) NOT NULL,
                \`changes\` text NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_audit_entity\` (\`entity_type\`, \`entity_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`admin_users\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`email\` varchar(254) NOT NULL,
                \`password_hash\` varchar(255) NOT NULL,
                \`role\` varchar(16) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`disabled_at\` datetime(3) NULL,
                UNIQUE INDEX \`IDX_dcd0c8a4b10af9c986e510b9ec\` (\`email\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`cards\` (
                \`card_no\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` varchar(10) NOT NULL,
                \`kind\` varchar(10) NOT NULL,
                \`issued_store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`replaced_by\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`issued_at\` datetime(3) NOT NULL,
                \`status_changed_at\` datetime(3) NOT NULL,
                INDEX \`ix_cards_member\` (\`member_id\`),
                PRIMARY KEY (\`card_no\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`club_members\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`club_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`joined_at\` datetime(3) NOT NULL,
                \`left_at\` datetime(3) NULL,
                PRIMARY KEY (\`member_id\`, \`club_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`clubs\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`code\` varchar(32) NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`description\` varchar(1000) NULL,
                \`join_policy\` varchar(16) NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                UNIQUE INDEX \`IDX_23d07c54a2769ed7e6edba0321\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_consents\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`channel\` varchar(16) NOT NULL,
                \`granted\` tinyint NOT NULL,
                \`source\` varchar(32) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`member_id\`, \`channel\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`members\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`name\` varchar(100) NULL,
                \`phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`email\` varchar(254) NULL,
                \`birthday\` date NULL,
                \`gender\` varchar(16) NULL,
                \`address\` varchar(300) NULL,
                \`city\` varchar(100) NULL,
                \`preferred_store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`tier_code\` varchar(32) NOT NULL,
                \`tier_since\` datetime(3) NOT NULL,
                \`registered_at\` datetime(3) NULL,
                \`created_store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                UNIQUE INDEX \`ux_members_phone\` (\`phone\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`lot_consumptions\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`entry_id\` bigint NOT NULL,
                \`lot_id\` bigint NOT NULL,
                \`points\` bigint NOT NULL,
                INDEX \`ix_lot_consumptions_entry\` (\`entry_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`point_accounts\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`balance\` bigint NOT NULL DEFAULT '0',
                \`pending\` bigint NOT NULL DEFAULT '0',
                \`lifetime_earned\` bigint NOT NULL DEFAULT '0',
                \`lifetime_redeemed\` bigint NOT NULL DEFAULT '0',
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`member_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`point_entries\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`type\` varchar(24) NOT NULL,
                \`points\` bigint NOT NULL,
                \`balance_after\` bigint NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`ref_type\` varchar(24) NOT NULL,
                \`ref_id\` varchar(64) NOT NULL,
                \`note\` varchar(500) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_point_entries_member\` (\`member_id\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`point_lots\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`entry_id\` bigint NOT NULL,
                \`points\` bigint NOT NULL,
                \`remaining\` bigint NOT NULL,
                \`earned_at\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                INDEX \`ix_point_lots_expiry\` (\`expires_at\`),
                INDEX \`ix_point_lots_member_expiry\` (\`member_id\`, \`expires_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`program_settings\` (
                \`id\` tinyint NOT NULL,
                \`cents_per_point\` int NOT NULL,
                \`excluded_categories\` varchar(1000) NOT NULL,
                \`points_expiry_months\` int NOT NULL,
                \`redemption_cents_per_100_points\` int NOT NULL,
                \`allow_negative_balance\` tinyint NOT NULL,
                \`qualifying_window_months\` int NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`purchase_lines\` (
                \`purchase_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`line_no\` smallint NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`sku\` varchar(64) NOT NULL,
                \`category\` varchar(64) NOT NULL,
                \`quantity_milli\` bigint NOT NULL,
                \`amount_cents\` bigint NOT NULL,
                \`eligible\` tinyint NOT NULL,
                \`refunded_quantity_milli\` bigint NOT NULL DEFAULT '0',
                \`refunded_cents\` bigint NOT NULL DEFAULT '0',
                PRIMARY KEY (\`purchase_id\`, \`line_no\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`purchases\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`receipt_no\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`card_no\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`occurred_at\` datetime(3) NOT NULL,
                \`total_cents\` bigint NOT NULL,
                \`eligible_cents\` bigint NOT NULL,
                \`points_earned\` bigint NOT NULL,
                \`refunded_cents\` bigint NOT NULL DEFAULT '0',
                \`refunded_eligible_cents\` bigint NOT NULL DEFAULT '0',
                \`points_reversed\` bigint NOT NULL DEFAULT '0',
                \`lot_id\` bigint NULL,
                \`request_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`response\` text NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_purchases_member_time\` (\`member_id\`, \`occurred_at\`),
                UNIQUE INDEX \`ux_purchases_store_receipt\` (\`store_id\`, \`receipt_no\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`redemptions\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`redemption_no\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`points\` bigint NOT NULL,
                \`discount_cents\` bigint NOT NULL,
                \`entry_id\` bigint NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`request_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`response\` text NOT NULL,
                \`cancel_response\` text NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`cancelled_at\` datetime(3) NULL,
                INDEX \`ix_redemptions_member\` (\`member_id\`),
                UNIQUE INDEX \`ux_redemptions_store_no\` (\`store_id\`, \`redemption_no\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`refunds\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`refund_no\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`purchase_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`refunded_cents\` bigint NOT NULL,
                \`refunded_eligible_cents\` bigint NOT NULL,
                \`points_reversed\` bigint NOT NULL,
                \`request_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`response\` text NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_refunds_purchase\` (\`purchase_id\`),
                UNIQUE INDEX \`ux_refunds_store_refund\` (\`store_id\`, \`refund_no\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`api_keys\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`key_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`key_prefix\` varchar(16) NOT NULL,
                \`created_by\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`revoked_at\` datetime(3) NULL,
                INDEX \`ix_api_keys_store\` (\`store_id\`),
                UNIQUE INDEX \`IDX_57384430aa1959f4578046c9b8\` (\`key_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`stores\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`code\` varchar(32) NOT NULL,
                \`name\` varchar(200) NOT NULL,
                \`status\` varchar(16) NOT NULL DEFAULT 'active',
                \`created_at\` datetime(3) NOT NULL,
                UNIQUE INDEX \`IDX_72bdebc754d6a689b3c169cab8\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`tier_history\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`from_tier\` varchar(32) NULL,
                \`to_tier\` varchar(32) NOT NULL,
                \`reason\` varchar(16) NOT NULL,
                \`ref_id\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_tier_history_member\` (\`member_id\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`tiers\` (
                \`code\` varchar(32) NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`rank\` int NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`min_spend_cents\` bigint NULL,
                \`min_points\` bigint NULL,
                \`min_purchases\` int NULL,
                \`qualify_mode\` varchar(8) NOT NULL,
                \`earn_multiplier_permille\` int NOT NULL,
                \`birthday_bonus_points\` int NOT NULL DEFAULT '0',
                \`priority_service\` tinyint NOT NULL DEFAULT 0,
                \`rank_top_n\` int NULL,
                UNIQUE INDEX \`IDX_c80c20d2e62d7c6e12bcd6f9c9\` (\`rank\`),
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`IDX_c80c20d2e62d7c6e12bcd6f9c9\` ON \`tiers\`
        `);
    await queryRunner.query(`
            DROP TABLE \`tiers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_tier_history_member\` ON \`tier_history\`
        `);
    await queryRunner.query(`
            DROP TABLE \`tier_history\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_72bdebc754d6a689b3c169cab8\` ON \`stores\`
        `);
    await queryRunner.query(`
            DROP TABLE \`stores\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_57384430aa1959f4578046c9b8\` ON \`api_keys\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_api_keys_store\` ON \`api_keys\`
        `);
    await queryRunner.query(`
            DROP TABLE \`api_keys\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_refunds_store_refund\` ON \`refunds\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_refunds_purchase\` ON \`refunds\`
        `);
    await queryRunner.query(`
            DROP TABLE \`refunds\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_redemptions_store_no\` ON \`redemptions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_redemptions_member\` ON \`redemptions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`redemptions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_purchases_store_receipt\` ON \`purchases\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_purchases_member_time\` ON \`purchases\`
        `);
    await queryRunner.query(`
            DROP TABLE \`purchases\`
        `);
    await queryRunner.query(`
            DROP TABLE \`purchase_lines\`
        `);
    await queryRunner.query(`
            DROP TABLE \`program_settings\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_point_lots_member_expiry\` ON \`point_lots\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_point_lots_expiry\` ON \`point_lots\`
        `);
    await queryRunner.query(`
            DROP TABLE \`point_lots\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_point_entries_member\` ON \`point_entries\`
        `);
    await queryRunner.query(`
            DROP TABLE \`point_entries\`
        `);
    await queryRunner.query(`
            DROP TABLE \`point_accounts\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_lot_consumptions_entry\` ON \`lot_consumptions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`lot_consumptions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_members_phone\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP TABLE \`members\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_consents\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_23d07c54a2769ed7e6edba0321\` ON \`clubs\`
        `);
    await queryRunner.query(`
            DROP TABLE \`clubs\`
        `);
    await queryRunner.query(`
            DROP TABLE \`club_members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_cards_member\` ON \`cards\`
        `);
    await queryRunner.query(`
            DROP TABLE \`cards\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_dcd0c8a4b10af9c986e510b9ec\` ON \`admin_users\`
        `);
    await queryRunner.query(`
            DROP TABLE \`admin_users\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_entity\` ON \`audit_log\`
        `);
    await queryRunner.query(`
            DROP TABLE \`audit_log\`
        `);
  }
}
