import { dueAt, isOverdue, isReopening, moveRefusal } from './complaint-case';

const raised = new Date('2026-12-01T08:00:00Z');

describe('complaint case rules', () => {
  it('is due 24 hours after a high case is raised and 72 hours after a normal one', () => {
    expect(dueAt(raised, 'high').toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(dueAt(raised, 'normal').toISOString()).toBe('2026-12-04T08:00:00.000Z');
  });

  it('allows open → in progress → resolved → closed and open → resolved, nothing backwards but a reopening', () => {
    expect(moveRefusal('open', 'in_progress', null, raised)).toBeNull();
    expect(moveRefusal('open', 'resolved', null, raised)).toBeNull();
    expect(moveRefusal('in_progress', 'resolved', null, raised)).toBeNull();
    expect(moveRefusal('resolved', 'closed', raised, raised)).toBeNull();
    expect(moveRefusal('open', 'closed', null, raised)).toBe('a case that is open cannot become closed (allowed: in_progress, resolved)');
    expect(moveRefusal('in_progress', 'open', null, raised)).toMatch(/cannot become open/);
    expect(moveRefusal('closed', 'resolved', raised, raised)).toMatch(/cannot become resolved/);
  });

  it('reopens a resolved or closed case up to 14 days after its resolution, not a millisecond later', () => {
    const resolved = new Date('2026-12-01T08:00:00Z');
    expect(isReopening('closed', 'in_progress')).toBe(true);
    expect(isReopening('open', 'in_progress')).toBe(false);
    expect(moveRefusal('closed', 'in_progress', resolved, new Date('2026-12-15T08:00:00.000Z'))).toBeNull();
    expect(moveRefusal('resolved', 'in_progress', resolved, new Date('2026-12-15T08:00:00.001Z'))).toMatch(/more than 14 days/);
  });

  it('flags open and in-progress cases past their due time as overdue, never resolved or closed ones', () => {
    const due = dueAt(raised, 'high');
    const after = new Date(due.getTime() + 1);
    expect(isOverdue('open', due, due)).toBe(false);
    expect(isOverdue('open', due, after)).toBe(true);
    expect(isOverdue('in_progress', due, after)).toBe(true);
    expect(isOverdue('resolved', due, after)).toBe(false);
    expect(isOverdue('closed', due, after)).toBe(false);
  });
});
