import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job run's params become MEDIUMTEXT (16 MB; TEXT holds 64 KB): a campaign run records its member-id ranges there
 * (5,000 members a range, ~90 bytes each), so a campaign to every member of a program above ~3.5M members failed to
 * start with "Data too long for column 'params'" (found by the 10M-member scale bench).
 */
export class JobRunParamsMedium1796664212256 implements MigrationInterface {
  name = 'JobRunParamsMedium1796664212256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `job_runs` MODIFY `params` mediumtext NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `job_runs` MODIFY `params` text NULL');
  }
}
