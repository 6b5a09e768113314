import { MigrationInterface, QueryRunner } from 'typeorm';

/** The message outbox, versioned message templates, webhook subscriptions, deliveries and their attempts. */
export class MessagesAndWebhooks1795612514962 implements MigrationInterface {
  name = 'MessagesAndWebhooks1795612514962';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`message_templates\` (
                \`code\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`version\` int NOT NULL,
                \`channel\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`transactional\` tinyint NOT NULL DEFAULT 0,
                \`subject_zh\` varchar(200) NULL,
                \`body_zh\` text NOT NULL,
                \`subject_en\` varchar(200) NULL,
                \`body_en\` text NULL,
                \`created_by\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`code\`, \`version\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`outbox_messages\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`source\` varchar(128) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`channel\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`template_code\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`template_version\` int NOT NULL,
                \`locale\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`transactional\` tinyint NOT NULL DEFAULT 0,
                \`subject\` varchar(200) NULL,
                \`body\` text NOT NULL,
                \`status\` varchar(24) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`attempts\` int NOT NULL DEFAULT '0',
                \`next_attempt_at\` datetime(3) NOT NULL,
                \`provider_message_id\` varchar(200) NULL,
                \`last_error\` varchar(500) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                \`sent_at\` datetime(3) NULL,
                INDEX \`ix_outbox_member\` (\`member_id\`, \`created_at\`),
                INDEX \`ix_outbox_due\` (\`status\`, \`next_attempt_at\`),
                UNIQUE INDEX \`ux_outbox_source_member_channel\` (\`source\`, \`member_id\`, \`channel\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`webhook_attempts\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`delivery_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status_code\` int NULL,
                \`error\` varchar(500) NULL,
                \`duration_ms\` int NOT NULL,
                \`at\` datetime(3) NOT NULL,
                INDEX \`ix_webhook_attempts_delivery\` (\`delivery_id\`, \`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`webhook_deliveries\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`subscription_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`event_id\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`event_type\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`payload\` text NOT NULL,
                \`status\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`attempts\` int NOT NULL DEFAULT '0',
                \`next_attempt_at\` datetime(3) NOT NULL,
                \`last_status_code\` int NULL,
                \`last_error\` varchar(500) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                \`delivered_at\` datetime(3) NULL,
                INDEX \`ix_webhook_deliveries_due\` (\`status\`, \`next_attempt_at\`),
                UNIQUE INDEX \`ux_webhook_deliveries_sub_event\` (\`subscription_id\`, \`event_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`webhook_subscriptions\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`url\` varchar(500) NOT NULL,
                \`events\` varchar(200) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`secret\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`webhook_subscriptions\``);
    await queryRunner.query(`DROP TABLE \`webhook_deliveries\``);
    await queryRunner.query(`DROP TABLE \`webhook_attempts\``);
    await queryRunner.query(`DROP TABLE \`outbox_messages\``);
    await queryRunner.query(`DROP TABLE \`message_templates\``);
  }
}
