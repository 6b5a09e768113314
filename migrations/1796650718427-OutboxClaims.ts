import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch claims of the outbox sender (issue 15): one row per claimed batch with its lease and message ids, so a
 * message row is written once by the sender (with its outcome) instead of twice (to `sending`, then the outcome).
 */
export class OutboxClaims1796650718427 implements MigrationInterface {
  name = 'OutboxClaims1796650718427';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`outbox_claims\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`lease_until\` datetime(3) NOT NULL,
                \`message_ids\` mediumtext CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_outbox_claims_lease\` (\`lease_until\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `outbox_claims`');
  }
}
