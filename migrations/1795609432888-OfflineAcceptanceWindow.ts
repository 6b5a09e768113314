import { MigrationInterface, QueryRunner } from 'typeorm';

/** POS contract 1.1: receipts older than the program's offline acceptance window are refused. */
export class OfflineAcceptanceWindow1795609432888 implements MigrationInterface {
  name = 'OfflineAcceptanceWindow1795609432888';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`program_settings\`
            ADD \`offline_acceptance_days\` int NOT NULL DEFAULT '30'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`program_settings\` DROP COLUMN \`offline_acceptance_days\`
        `);
  }
}
