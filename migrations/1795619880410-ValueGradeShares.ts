import { MigrationInterface, QueryRunner } from 'typeorm';

/** The grade shares (percent of value for A, then B) in the value settings and on each value run. */
export class ValueGradeShares1795619880410 implements MigrationInterface {
  name = 'ValueGradeShares1795619880410';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`value_runs\`
            ADD \`grade_a_percent\` int NOT NULL DEFAULT '80'
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_runs\`
            ADD \`grade_b_percent\` int NOT NULL DEFAULT '15'
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_settings\`
            ADD \`grade_a_percent\` int NOT NULL DEFAULT '80'
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_settings\`
            ADD \`grade_b_percent\` int NOT NULL DEFAULT '15'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`value_settings\` DROP COLUMN \`grade_b_percent\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_settings\` DROP COLUMN \`grade_a_percent\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_runs\` DROP COLUMN \`grade_b_percent\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`value_runs\` DROP COLUMN \`grade_a_percent\`
        `);
  }
}
