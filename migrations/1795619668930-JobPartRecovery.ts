import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each part of a job run records where its queue job lives, so a job lost with Redis can be queued again. */
export class JobPartRecovery1795619668930 implements MigrationInterface {
  name = 'JobPartRecovery1795619668930';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`job_run_parts\`
            ADD \`queue_name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
            ADD \`job_name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
            ADD \`job_id\` varchar(128) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
            ADD \`payload\` text NULL
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_job_runs_state\` ON \`job_runs\` (\`state\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_job_runs_state\` ON \`job_runs\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`job_run_parts\` DROP COLUMN \`payload\`, DROP COLUMN \`job_id\`, DROP COLUMN \`job_name\`, DROP COLUMN \`queue_name\`
        `);
  }
}
