/** Maker-checker: when a campaign needs a second person's approval before it may run. Pure. */

export interface ApprovalLimits {
  /** Program setting campaignApprovalPointsPerMember (default 10,000). */
  pointsPerMember: number;
  /** Program setting campaignApprovalTotalPoints (default 1,000,000). */
  totalPoints: number;
}

export interface CampaignCost {
  /** The most one member can get from it: the grant, or a fixed bonus per purchase. */
  pointsPerMember: number;
  /** The grants' estimated cost: points per member × the targeted audience, stopped at the budget cap. */
  totalPoints: number;
}

export type ApprovalReason = 'pointsPerMember' | 'totalPoints';

/** The limits the campaign is above; none: it may launch without approval. */
export function approvalReasons(cost: CampaignCost, limits: ApprovalLimits): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  if (cost.pointsPerMember > limits.pointsPerMember) {
    reasons.push('pointsPerMember');
  }
  if (cost.totalPoints > limits.totalPoints) {
    reasons.push('totalPoints');
  }
  return reasons;
}
