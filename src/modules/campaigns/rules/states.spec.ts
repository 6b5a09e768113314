import { CAMPAIGN_STATES, transition } from './states';

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
});
