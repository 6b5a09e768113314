import { bonusRuleLive, budgetMayBeRaised, CAMPAIGN_STATES, transition } from './states';

const once = { startsNow: true, recurring: false, pausedFrom: null };
const cron = { startsNow: false, recurring: true, pausedFrom: null };

describe('campaign states', () => {
  it('draft → running (now) or scheduled (later) → running → completed', () => {
    expect(transition('draft', 'launch', once)).toBe('running');
    expect(transition('draft', 'launch', cron)).toBe('scheduled');
    expect(transition('scheduled', 'start', cron)).toBe('running');
    expect(transition('running', 'finish', once)).toBe('completed');
  });

  it('a recurring campaign goes back to scheduled after each occurrence', () => {
    expect(transition('running', 'finish', cron)).toBe('scheduled');
  });

  it('pause and resume return to where it was; cancel from any live state', () => {
    expect(transition('running', 'pause', once)).toBe('paused');
    expect(transition('paused', 'resume', { ...once, pausedFrom: 'running' })).toBe('running');
    expect(transition('paused', 'resume', { ...cron, pausedFrom: 'scheduled' })).toBe('scheduled');
    for (const s of ['draft', 'scheduled', 'running', 'paused'] as const) {
      expect(transition(s, 'cancel', once)).toBe('cancelled');
    }
  });

  it('a launch above the program limits waits in pending_approval: approve goes on as the launch would, reject returns to draft', () => {
    expect(transition('draft', 'launch', { ...once, needsApproval: true })).toBe('pending_approval');
    expect(transition('pending_approval', 'approve', once)).toBe('running');
    expect(transition('pending_approval', 'approve', cron)).toBe('scheduled');
    expect(transition('pending_approval', 'reject', once)).toBe('draft');
    expect(transition('pending_approval', 'cancel', once)).toBe('cancelled');
    for (const a of ['launch', 'edit', 'pause', 'resume', 'start', 'finish', 'fail'] as const) {
      expect(transition('pending_approval', a, once)).toBeNull();
    }
    expect(CAMPAIGN_STATES.filter((s) => transition(s, 'approve', once) !== null)).toEqual(['pending_approval']);
    expect(CAMPAIGN_STATES.filter((s) => transition(s, 'reject', once) !== null)).toEqual(['pending_approval']);
  });

  it('refuses everything else', () => {
    for (const s of ['completed', 'cancelled', 'failed'] as const) {
      for (const a of ['launch', 'pause', 'resume', 'cancel', 'edit', 'start', 'finish'] as const) {
        expect(transition(s, a, once)).toBeNull();
      }
    }
    expect(transition('running', 'launch', once)).toBeNull();
    expect(transition('running', 'resume', once)).toBeNull();
    expect(transition('paused', 'pause', once)).toBeNull();
    expect(CAMPAIGN_STATES.filter((s) => transition(s, 'edit', once) !== null)).toEqual(['draft']);
  });

  it('a bonus rule is active after its fan-out while its window is open, ended after; a campaign without one completes', () => {
    expect(transition('running', 'finish', { ...once, bonusWindow: 'open' })).toBe('active');
    expect(transition('running', 'finish', { ...once, bonusWindow: 'over' })).toBe('ended');
    expect(transition('running', 'finish', once)).toBe('completed');
    expect(transition('running', 'finish', { ...cron, bonusWindow: 'open' })).toBe('scheduled');
    expect(transition('active', 'end', { ...once, bonusWindow: 'over' })).toBe('ended');
    expect(transition('active', 'end', { ...once, bonusWindow: 'open' })).toBeNull();
    expect(transition('paused', 'end', { ...once, bonusWindow: 'over' })).toBeNull();
  });

  it('a live bonus rule can be paused, resumed and cancelled; resuming after its window closed answers ended', () => {
    for (const s of ['active', 'ended'] as const) {
      expect(transition(s, 'pause', once)).toBe('paused');
      expect(transition(s, 'cancel', once)).toBe('cancelled');
      expect(transition('paused', 'resume', { ...once, pausedFrom: s, bonusWindow: 'open' })).toBe(s);
    }
    expect(transition('paused', 'resume', { ...once, pausedFrom: 'active', bonusWindow: 'over' })).toBe('ended');
    for (const a of ['launch', 'start', 'resume', 'finish', 'fail', 'edit'] as const) {
      expect(transition('active', a, { ...once, bonusWindow: 'open' })).toBeNull();
    }
  });

  it('the rule pays while scheduled, running, active or ended (late uploads of sales in its window), never paused or cancelled', () => {
    expect(CAMPAIGN_STATES.filter(bonusRuleLive)).toEqual(['scheduled', 'running', 'active', 'ended']);
  });

  it('the budget can be raised while the campaign can still spend', () => {
    expect(CAMPAIGN_STATES.filter(budgetMayBeRaised)).toEqual(['scheduled', 'running', 'paused', 'active', 'ended']);
  });
});
