import { ApiProperty } from '@nestjs/swagger';
import { bilingual, listed, named } from '../rule-description';
import { allowOnly, AudiencePartKind, ids, inList, MAX_IDS, UUID } from './audience-part.kind';

/** Active members of any of these clubs. */
export class ClubAudiencePart {
  @ApiProperty({ enum: ['club'], example: 'club' })
  type: 'club';

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_IDS, example: ['01a212aa-8b99-749f-88e9-001ff70d99ce'] })
  clubIds: string[];
}

export const clubPart: AudiencePartKind<ClubAudiencePart> = {
  type: 'club',
  schema: ClubAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'clubIds');
    return { type: 'club', clubIds: ids(p.clubIds, `${field}.clubIds`, UUID, 'a uuid') };
  },
  describe: (part, names) =>
    bilingual(`俱乐部成员（${listed(named(part.clubIds, names))}）`, `active members of club ${listed(named(part.clubIds, names))}`),
  namedIds: (part) => part.clubIds,
  compile(part) {
    const list = inList('cm.club_id', part.clubIds);
    return {
      sql: `EXISTS (SELECT 1 FROM club_members cm WHERE cm.member_id = m.id AND ${list.sql} AND cm.status = 'active')`,
      params: list.params,
    };
  },
  // Club ids are lowercase uuids as stored (ascii_bin): compared exactly.
  matches: (part, member) => member.activeClubIds.some((id) => part.clubIds.includes(id)),
  explain: (_part, member) =>
    member.activeClubIds.length === 0
      ? bilingual('未加入任何俱乐部', 'in no club')
      : bilingual(`已加入俱乐部 ${listed(member.activeClubIds)}`, `active in club ${listed(member.activeClubIds)}`),
};
