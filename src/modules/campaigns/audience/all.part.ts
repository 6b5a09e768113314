import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { allowOnly, AudiencePartKind } from './audience-part.kind';

/** Every member (still limited, like every audience, to members not erased nor merged away). */
export class AllAudiencePart {
  @ApiProperty({ enum: ['all'], example: 'all' })
  type: 'all';
}

export const allPart: AudiencePartKind<AllAudiencePart> = {
  type: 'all',
  schema: AllAudiencePart,
  parse(p, field) {
    allowOnly(p, field);
    return { type: 'all' };
  },
  describe: () => bilingual('全部会员', 'every member'),
  compile: () => ({ sql: '1 = 1', params: [] }),
  matches: () => true,
  explain: () => bilingual('所有会员都在内', 'every member is in it'),
};
