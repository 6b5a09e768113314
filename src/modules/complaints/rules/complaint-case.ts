/**
 * The rules of a complaint case (投诉), pure: its states and the moves between
 * them, the due time of each severity, the reopen window and when a case is
 * overdue.
 *
 *   open → in_progress → resolved → closed
 *   open → resolved (answered at once)
 *   resolved | closed → in_progress (reopened, within REOPEN_DAYS of the resolution)
 *
 * Due times (decided here, written in the README): a `high` case (the member
 * lost money or was treated badly) is due 24 hours after it is raised, a
 * `normal` one 72 hours after. A reopened case is due again the same hours
 * after the reopening. A case is overdue while it is open or in progress past
 * its due time.
 */

export const COMPLAINT_STATES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_SEVERITIES = ['high', 'normal'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** What the complaint is about; the console and the member page show each by its zh-CN and English name. */
export const COMPLAINT_CATEGORIES = ['product', 'service', 'price', 'points', 'environment', 'delivery', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const DUE_HOURS: Record<ComplaintSeverity, number> = { high: 24, normal: 72 };

/** A resolved or closed case may be reopened this many days after its resolution. */
export const REOPEN_DAYS = 14;

const MOVES: Record<ComplaintState, readonly ComplaintState[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export function dueAt(raisedAt: Date, severity: ComplaintSeverity): Date {
  return new Date(raisedAt.getTime() + DUE_HOURS[severity] * 3600_000);
}

/** A move that reopens the case (back to in progress from resolved or closed). */
export function isReopening(from: ComplaintState, to: ComplaintState): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'in_progress';
}

/**
 * Why the move is refused, or null when it is allowed. A reopening needs the
 * resolution to be at most REOPEN_DAYS old.
 */
export function moveRefusal(from: ComplaintState, to: ComplaintState, resolvedAt: Date | null, now: Date): string | null {
  if (!MOVES[from].includes(to)) {
    return `a case that is ${from} cannot become ${to} (allowed: ${MOVES[from].join(', ')})`;
  }
  if (isReopening(from, to)) {
    const limit = resolvedAt ? resolvedAt.getTime() + REOPEN_DAYS * 86400_000 : 0;
    if (now.getTime() > limit) {
      return `the case was resolved more than ${REOPEN_DAYS} days ago: raise a new case instead`;
    }
  }
  return null;
}

export function isOverdue(state: ComplaintState, due: Date, now: Date): boolean {
  return (state === 'open' || state === 'in_progress') && now.getTime() > due.getTime();
}
