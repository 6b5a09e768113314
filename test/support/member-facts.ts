import { MemberFacts } from '../../src/modules/campaigns/audience/audience-part.kind';

/** One member's facts for the audience parts' unit specs: an active member with nothing, plus what the test sets. */
export function memberFacts(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    id: '01a212aa-8b99-749f-88e9-001ff70d9a01',
    status: 'active',
    tierCode: 'STANDARD',
    preferredStoreId: null,
    birthday: null,
    createdAt: new Date('2020-01-01T00:00:00Z'),
    activeClubIds: [],
    grade: null,
    rfmR: null,
    rfmF: null,
    purchases: [],
    lots: [],
    consents: [],
    ...overrides,
  };
}
