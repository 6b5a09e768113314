import { approvalReasons } from './approval';

const limits = { pointsPerMember: 10_000, totalPoints: 1_000_000 };

describe('campaign approval (maker-checker)', () => {
  it('a campaign at the limits launches; one point above either needs approval, naming each limit passed', () => {
    expect(approvalReasons({ pointsPerMember: 10_000, totalPoints: 1_000_000 }, limits)).toEqual([]);
    expect(approvalReasons({ pointsPerMember: 10_001, totalPoints: 10_001 }, limits)).toEqual(['pointsPerMember']);
    expect(approvalReasons({ pointsPerMember: 100, totalPoints: 1_000_001 }, limits)).toEqual(['totalPoints']);
    expect(approvalReasons({ pointsPerMember: 1_000_000, totalPoints: 2_000_000 }, limits)).toEqual(['pointsPerMember', 'totalPoints']);
  });

  it('one chosen member granted 1,000,000 points needs approval though the total is within the limit', () => {
    expect(approvalReasons({ pointsPerMember: 1_000_000, totalPoints: 1_000_000 }, limits)).toEqual(['pointsPerMember']);
  });
});
