/** Campaign states and the transitions between them. Pure. */

export const CAMPAIGN_STATES = ['draft', 'pending_approval', 'scheduled', 'running', 'completed', 'paused', 'cancelled', 'failed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export type CampaignAction =
  /** A marketer launches: running at once (now), or scheduled (at a time, recurring); above the program limits, pending_approval. */
  | 'launch'
  /** A user with campaigns.approve (not its author) lets a pending campaign go on as its launch would have. */
  | 'approve'
  /** ...or sends it back to draft. */
  | 'reject'
  /** The planner starts an occurrence. */
  | 'start'
  | 'pause'
  | 'resume'
  | 'cancel'
  /** The last batch of an occurrence finished: completed, or back to scheduled when recurring. */
  | 'finish'
  | 'fail'
  | 'edit';

export interface TransitionContext {
  startsNow: boolean;
  recurring: boolean;
  /** The state a paused campaign was paused from. */
  pausedFrom: CampaignState | null;
  /** Launch: the campaign is above the program's limits and waits for approval (maker-checker). */
  needsApproval?: boolean;
}

/** The state after `action`, or null when the action is not allowed in `state`. */
export function transition(state: CampaignState, action: CampaignAction, ctx: TransitionContext): CampaignState | null {
  switch (action) {
    case 'edit':
      return state === 'draft' ? 'draft' : null;
    case 'launch':
      if (state !== 'draft') {
        return null;
      }
      if (ctx.needsApproval) {
        return 'pending_approval';
      }
      return ctx.startsNow ? 'running' : 'scheduled';
    case 'approve':
      if (state !== 'pending_approval') {
        return null;
      }
      return ctx.startsNow ? 'running' : 'scheduled';
    case 'reject':
      return state === 'pending_approval' ? 'draft' : null;
    case 'start':
      return state === 'scheduled' ? 'running' : null;
    case 'pause':
      return state === 'running' || state === 'scheduled' ? 'paused' : null;
    case 'resume':
      return state === 'paused' ? (ctx.pausedFrom ?? 'running') : null;
    case 'cancel':
      return ['draft', 'pending_approval', 'scheduled', 'running', 'paused'].includes(state) ? 'cancelled' : null;
    case 'finish':
      if (state !== 'running') {
        return null;
      }
      return ctx.recurring ? 'scheduled' : 'completed';
    case 'fail':
      return state === 'running' ? 'failed' : null;
    default: {
      const unknownAction: never = action;
      throw new Error(`Unknown action ${String(unknownAction)}`);
    }
  }
}

/** States in which a batch may write: anything else stops the fan-out between batches. */
export function fanOutMayProceed(state: CampaignState): boolean {
  return state === 'running';
}

/** States in which the campaign's bonus earning rule applies (inside its window). */
export function bonusRuleLive(state: CampaignState): boolean {
  return state === 'scheduled' || state === 'running' || state === 'completed';
}
