import { MigrationInterface, QueryRunner } from 'typeorm';

const CHUNK = 500;

/** A code as the sign-in template rendered it: six digits standing alone (the template has no other such number). */
const SIX_DIGITS = /(?<!\d)\d{6}(?!\d)/g;

function scrubLegacySignInCode(text: string): string {
  return text.replace(SIX_DIGITS, '{{code}}');
}

/**
 * Sign-in codes are no longer stored: the outbox keeps `{{code}}` and the code waits in Redis for the sender. Rows
 * written before kept the code in clear (body, and possibly a gateway's echo in last_error); this puts the
 * placeholder back in them, a chunk of rows per statement. A row of that time still queued then has no code to send
 * and is marked failed by the sender (its code has expired long since). Down changes nothing: the codes are gone
 * for good, which is the point.
 */
export class ScrubSignInCodes1795714141402 implements MigrationInterface {
  name = 'ScrubSignInCodes1795714141402';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (let after = ''; ;) {
      const rows: Array<{ id: string; body: string; last_error: string | null }> = await queryRunner.query(
        `SELECT id, body, last_error FROM outbox_messages
          WHERE id > ? AND (source LIKE 'sign-in:%' OR template_code = 'portal.sign-in-code')
          ORDER BY id LIMIT ${CHUNK}`,
        [after],
      );
      if (rows.length === 0) {
        break;
      }
      const changed = rows
        .map((r) => ({
          id: r.id,
          body: scrubLegacySignInCode(r.body),
          lastError: r.last_error === null ? null : scrubLegacySignInCode(r.last_error),
          was: r,
        }))
        .filter((r) => r.body !== r.was.body || r.lastError !== r.was.last_error);
      if (changed.length > 0) {
        await queryRunner.query(
          `UPDATE outbox_messages
              SET body = CASE id ${changed.map(() => 'WHEN ? THEN ?').join(' ')} END,
                  last_error = CASE id ${changed.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE id IN (${changed.map(() => '?').join(', ')})`,
          [...changed.flatMap((r) => [r.id, r.body]), ...changed.flatMap((r) => [r.id, r.lastError]), ...changed.map((r) => r.id)],
        );
      }
      after = rows[rows.length - 1].id;
    }
  }

  public async down(): Promise<void> {
    // Nothing to restore: the codes were never meant to be kept.
  }
}
