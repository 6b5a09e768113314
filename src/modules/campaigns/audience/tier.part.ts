import { ApiProperty } from '@nestjs/swagger';
import { bilingual, listed } from '../rule-description';
import { allowOnly, AudiencePartKind, CODE, ids, inList, inListIgnoringCase, MAX_IDS } from './audience-part.kind';

/** Members at any of these tiers. */
export class TierAudiencePart {
  @ApiProperty({ enum: ['tier'], example: 'tier' })
  type: 'tier';

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_IDS, pattern: CODE.source, example: ['VIP', 'SVIP'] })
  codes: string[];
}

export const tierPart: AudiencePartKind<TierAudiencePart> = {
  type: 'tier',
  schema: TierAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'codes');
    return { type: 'tier', codes: ids(p.codes, `${field}.codes`, CODE, 'a tier code') };
  },
  describe: (part) => bilingual(`等级为 ${listed(part.codes)}`, `tier ${listed(part.codes)}`),
  compile: (part) => inList('m.tier_code', part.codes),
  matches: (part, member) => inListIgnoringCase(member.tierCode, part.codes),
  explain: (_part, member) => bilingual(`当前等级 ${member.tierCode}`, `tier is ${member.tierCode}`),
};
