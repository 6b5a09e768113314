import { rangesFromBoundaries } from './member-ranges';

describe('member-id ranges', () => {
  it('covers every id exactly once: from the start to the first boundary, between boundaries, then to the end', () => {
    expect(rangesFromBoundaries(['b', 'd'])).toEqual([
      { fromId: '', toId: 'b' },
      { fromId: 'b', toId: 'd' },
      { fromId: 'd', toId: null },
    ]);
  });

  it('no boundaries is one range over everything', () => {
    expect(rangesFromBoundaries([])).toEqual([{ fromId: '', toId: null }]);
  });

  it('a repeated boundary makes no empty range', () => {
    expect(rangesFromBoundaries(['b', 'b'])).toEqual([
      { fromId: '', toId: 'b' },
      { fromId: 'b', toId: null },
    ]);
  });
});
