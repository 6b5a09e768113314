import { Transactions } from '../../../database/transactions';
import { LedgerSession, LedgerWriter } from '../ledger/ledger-writer';
import { LotRow } from '../ledger/ledger.repository';

export interface LotTotals {
  members: number;
  lots: number;
  points: number;
}

/**
 * The loop shared by the lot jobs (expiry, pending release): the members of a
 * range that have lots to handle, a chunk at a time, each chunk in one
 * transaction over their locked accounts.
 */
export async function handleLotsByMemberChunks(spec: {
  transactions: Transactions;
  ledger: LedgerWriter;
  /** The next chunk of member ids after `afterId` that have lots to handle. */
  nextMembers: (afterId: string) => Promise<string[]>;
  /** The lots to handle of these members, locked. */
  lockLots: (session: LedgerSession, memberIds: string[]) => Promise<Map<string, LotRow[]>>;
  /** Handles one member's lots through the session; answers the points moved. */
  handle: (session: LedgerSession, memberId: string, lots: LotRow[]) => Promise<number>;
}): Promise<LotTotals> {
  const totals: LotTotals = { members: 0, lots: 0, points: 0 };
  let after = '';
  for (;;) {
    const memberIds = await spec.nextMembers(after);
    if (memberIds.length === 0) {
      return totals;
    }
    const done = await spec.transactions.retrying(async (m) => {
      const session = await spec.ledger.open(m, memberIds);
      const lots = await spec.lockLots(
        session,
        memberIds.filter((id) => session.has(id)),
      );
      const t: LotTotals = { members: 0, lots: 0, points: 0 };
      for (const [memberId, memberLots] of lots) {
        t.points += await spec.handle(session, memberId, memberLots);
        t.lots += memberLots.length;
        t.members += 1;
      }
      await session.flush();
      return t;
    });
    totals.members += done.members;
    totals.lots += done.lots;
    totals.points += done.points;
    after = memberIds[memberIds.length - 1];
  }
}
