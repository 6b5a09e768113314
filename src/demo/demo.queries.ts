import { select, Sql } from '../database/sql';

/** What the demo loader reads to tell a first load from a second (it writes through the modules' services). */

export function allStores(db: Sql): Promise<Array<{ id: string; code: string }>> {
  return select<{ id: string; code: string }>(db, 'SELECT id, code FROM stores');
}

/** The demo members' active cards, oldest member first. */
export function demoCards(db: Sql): Promise<Array<{ card_no: string }>> {
  return select<{ card_no: string }>(
    db,
    "SELECT c.card_no FROM cards c JOIN members m ON m.id = c.member_id WHERE m.phone IS NOT NULL AND c.status = 'active' ORDER BY m.created_at LIMIT 4",
  );
}
