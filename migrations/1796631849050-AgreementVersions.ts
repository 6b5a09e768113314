import { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of the terms or privacy notice a member agreed to, kept on its consent row (channels terms and privacy). */
export class AgreementVersions1796631849050 implements MigrationInterface {
  name = 'AgreementVersions1796631849050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`member_consents\` ADD \`version\` varchar(32) NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`member_consents\` DROP COLUMN \`version\`
        `);
  }
}
