/** Campaign states and the transitions between them. Pure. */

export const CAMPAIGN_STATES = [
  'draft',
  'pending_approval',
  'scheduled',
  'running',
  'completed',
  'paused',
  'cancelled',
  'failed',
  'active',
  'ended',
] as const;
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
  /** A bonus rule's window closed (active → ended). */
  | 'end'
  | 'edit';

export interface TransitionContext {
  startsNow: boolean;
  recurring: boolean;
  /** The state a paused campaign was paused from. */
  pausedFrom: CampaignState | null;
  /** Launch: the campaign is above the program's limits and waits for approval (maker-checker). */
  needsApproval?: boolean;
  /** A bonus-rule campaign's window: open or over at the moment of the transition (absent: no bonus rule). */
  bonusWindow?: 'open' | 'over';
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
      return state === 'running' || state === 'scheduled' || state === 'active' || state === 'ended' ? 'paused' : null;
    case 'resume':
      if (state !== 'paused') {
        return null;
      }
      return ctx.pausedFrom === 'active' && ctx.bonusWindow === 'over' ? 'ended' : (ctx.pausedFrom ?? 'running');
    case 'cancel':
      return ['draft', 'pending_approval', 'scheduled', 'running', 'paused', 'active', 'ended'].includes(state) ? 'cancelled' : null;
    case 'finish':
      if (state !== 'running') {
        return null;
      }
      if (ctx.recurring) {
        return 'scheduled';
      }
      // A bonus rule outlives its fan-out: it pays on purchases until its window closes.
      return ctx.bonusWindow === 'open' ? 'active' : ctx.bonusWindow === 'over' ? 'ended' : 'completed';
    case 'end':
      return state === 'active' && ctx.bonusWindow === 'over' ? 'ended' : null;
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

/**
 * States in which the campaign's bonus earning rule pays (on a purchase whose
 * occurredAt is inside its window): `ended` too, for sales made in the window
 * that reach us late (an offline batch). Paused and cancelled pay nothing.
 */
export const BONUS_RULE_LIVE_STATES = ['scheduled', 'running', 'active', 'ended'] as const satisfies readonly CampaignState[];

export function bonusRuleLive(state: CampaignState): boolean {
  return (BONUS_RULE_LIVE_STATES as readonly CampaignState[]).includes(state);
}

/** States in which an admin may raise the budget cap (a draft changes it by editing; a finished campaign spends nothing more). */
export function budgetMayBeRaised(state: CampaignState): boolean {
  return ['scheduled', 'running', 'active', 'ended', 'paused'].includes(state);
}
