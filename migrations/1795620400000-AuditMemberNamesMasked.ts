import { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH_IDS = 10_000;
const NAME = "JSON_UNQUOTE(JSON_EXTRACT(changes, '$.name'))";

/**
 * `member.created` audit entries kept the member's name in clear (phone and
 * email were masked). The audit now masks every personal value when it is
 * written; this masks the names already there the same way ("张三" → "张*":
 * the first character and a star for each other one, at least one), a
 * window of entry ids at a time so no statement holds a long lock. Entries
 * already masked (or erased: name null) are left as they are. One way: a
 * masked name cannot be brought back.
 */
export class AuditMemberNamesMasked1795620400000 implements MigrationInterface {
  name = 'AuditMemberNamesMasked1795620400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [range] = (await queryRunner.query(
      "SELECT MIN(id) AS lo, MAX(id) AS hi FROM audit_log WHERE action = 'member.created' AND entity_type = 'member'",
    )) as Array<{ lo: string | number | null; hi: string | number | null }>;
    if (range.lo === null || range.hi === null) {
      return;
    }
    for (let from = Number(range.lo); from <= Number(range.hi); from += BATCH_IDS) {
      await queryRunner.query(
        `UPDATE audit_log
            SET changes = JSON_SET(changes, '$.name', CONCAT(LEFT(${NAME}, 1), REPEAT('*', GREATEST(CHAR_LENGTH(${NAME}) - 1, 1))))
          WHERE id >= ? AND id < ? AND action = 'member.created' AND entity_type = 'member'
            AND JSON_TYPE(JSON_EXTRACT(changes, '$.name')) = 'STRING' AND CHAR_LENGTH(${NAME}) > 0
            AND NOT (CHAR_LENGTH(${NAME}) >= 2 AND SUBSTRING(${NAME}, 2) = REPEAT('*', CHAR_LENGTH(${NAME}) - 1))`,
        [from, from + BATCH_IDS],
      );
    }
  }

  public down(): Promise<void> {
    // Masked names cannot be unmasked; the entries stay masked.
    return Promise.resolve();
  }
}
