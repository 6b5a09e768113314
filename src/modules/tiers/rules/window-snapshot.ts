/**
 * The what-if simulation's snapshot of window sums (member_window_stats):
 * which windows a snapshot taken at an instant sums, and whether a snapshot
 * can answer a simulation now. Pure.
 */
import { qualifyingWindowStart } from './tier-qualification';

/** The months a snapshot sums, each as its first month YYYY-MM-01. */
export interface SnapshotWindows {
  /** The program's qualifying window (qualifyingWindowMonths), for the criteria. */
  windowStart: string;
  /** The last 12 calendar months, for the spend shares. */
  spendStart: string;
}

/** The windows of a snapshot taken at `asOf` under a qualifying window of `qualifyingWindowMonths`. */
export function snapshotWindows(asOf: Date, qualifyingWindowMonths: number): SnapshotWindows {
  return { windowStart: qualifyingWindowStart(asOf, qualifyingWindowMonths), spendStart: qualifyingWindowStart(asOf, 12) };
}

/**
 * A finished snapshot answers a simulation now only if it summed the windows
 * that hold now: same months (a snapshot from last month is refreshed, not
 * read) and same window length (an edited qualifyingWindowMonths too). Within
 * that, its age is shown (asOf), not refused: the daily refresh bounds it.
 */
export function snapshotServes(snapshot: SnapshotWindows | null, now: SnapshotWindows): boolean {
  return snapshot !== null && snapshot.windowStart === now.windowStart && snapshot.spendStart === now.spendStart;
}
