import { crc32 } from 'node:zlib';

/**
 * Whether a member is in a campaign's holdout: CRC32 of "campaignId:memberId"
 * modulo 1000 below the holdout share in thousandths. Deterministic (the same
 * member and campaign always land on the same side, in every process), and the
 * same formula in SQL (holdoutSql) lets a preview count the holdout in the
 * database.
 */
export function isHoldout(campaignId: string, memberId: string, holdoutPermille: number): boolean {
  if (holdoutPermille <= 0) {
    return false;
  }
  return crc32(`${campaignId}:${memberId}`) % 1000 < holdoutPermille;
}

/** The same test in SQL over `members m` (CRC32 exists in MySQL 8 and MariaDB). */
export function holdoutSql(campaignId: string, holdoutPermille: number): { sql: string; params: unknown[] } {
  return { sql: "(CRC32(CONCAT(?, ':', m.id)) % 1000 < ?)", params: [campaignId, holdoutPermille] };
}
