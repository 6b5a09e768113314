import { MigrationInterface, QueryRunner } from 'typeorm';

/** Long jobs split into parts (member-id ranges), with their progress kept in the database. */
export class JobRuns1795610946785 implements MigrationInterface {
  name = 'JobRuns1795610946785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`job_run_parts\` (
                \`run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`part_no\` int NOT NULL,
                \`state\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`result\` text NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`run_id\`, \`part_no\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`job_runs\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`kind\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`state\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`total\` int NOT NULL,
                \`done\` int NOT NULL DEFAULT '0',
                \`failed\` int NOT NULL DEFAULT '0',
                \`params\` text NULL,
                \`result\` text NULL,
                \`created_by\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                \`finished_at\` datetime(3) NULL,
                INDEX \`ix_job_runs_kind_created\` (\`kind\`, \`created_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`job_runs\``);
    await queryRunner.query(`DROP TABLE \`job_run_parts\``);
  }
}
