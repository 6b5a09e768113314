import { nextCardStatus } from './card-lifecycle';

describe('the card state machine', () => {
  it('freezes an active card and unfreezes a frozen one; repeating either changes nothing', () => {
    expect(nextCardStatus('active', 'freeze', false)).toBe('frozen');
    expect(nextCardStatus('frozen', 'freeze', false)).toBe('same');
    expect(nextCardStatus('frozen', 'unfreeze', false)).toBe('active');
    expect(nextCardStatus('active', 'unfreeze', false)).toBe('same');
  });

  it('never brings a lost or closed card back', () => {
    expect(nextCardStatus('lost', 'unfreeze', false)).toBeNull();
    expect(nextCardStatus('closed', 'unfreeze', false)).toBeNull();
    expect(nextCardStatus('closed', 'freeze', false)).toBeNull();
    expect(nextCardStatus('closed', 'replace', false)).toBeNull();
  });

  it('closes a replaced card, keeps a lost one lost, and a second replace of the same card is a no-op', () => {
    expect(nextCardStatus('active', 'replace', false)).toBe('closed');
    expect(nextCardStatus('frozen', 'replace', false)).toBe('closed');
    expect(nextCardStatus('lost', 'replace', false)).toBe('lost');
    expect(nextCardStatus('active', 'report_lost', false)).toBe('lost');
    expect(nextCardStatus('closed', 'replace', true)).toBe('same');
  });
});
