import { createHash } from 'node:crypto';

/**
 * Whom a post-purchase survey invites, pure. A purchase is in the sample when
 * a hash of its id falls under the sample rate (so the same purchase gets the
 * same answer however often the job runs), its store is one of the survey's
 * (none listed: all), and the member had no invitation of any survey within
 * the cooldown (days). At most one open invitation per member is kept by the
 * database (a unique key), not here.
 */
export interface InvitationPolicy {
  /** 0–100 percent of purchases. */
  samplePercent: number;
  storeIds: readonly string[] | null;
  cooldownDays: number;
}

/** 0 … 9999 from the purchase id: its place in the sample. */
export function samplePlace(purchaseId: string): number {
  return createHash('sha256').update(purchaseId).digest().readUInt32BE(0) % 10_000;
}

export function inSample(purchaseId: string, samplePercent: number): boolean {
  return samplePlace(purchaseId) < Math.round(samplePercent * 100);
}

export function shouldInvite(
  policy: InvitationPolicy,
  purchase: { purchaseId: string; storeId: string },
  lastInvitedAt: Date | null,
  now: Date,
): boolean {
  if (policy.storeIds && policy.storeIds.length > 0 && !policy.storeIds.includes(purchase.storeId)) {
    return false;
  }
  if (lastInvitedAt && now.getTime() - lastInvitedAt.getTime() < policy.cooldownDays * 86400_000) {
    return false;
  }
  return inSample(purchase.purchaseId, policy.samplePercent);
}
