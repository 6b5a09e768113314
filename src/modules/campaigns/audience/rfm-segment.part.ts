import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { RFM_SEGMENT_KEYS, rfmCellsOf, rfmSegment, rfmSegmentOf, RfmSegmentKey } from '../rules/rfm-segments';
import { allowOnly, AudienceError, AudiencePartKind } from './audience-part.kind';

/** Members in any of these RFM segments (their R and F scores of the last value run, member_values.r and .f). */
export class RfmSegmentAudiencePart {
  @ApiProperty({ enum: ['rfmSegment'], example: 'rfmSegment' })
  type: 'rfmSegment';

  @ApiProperty({ enum: RFM_SEGMENT_KEYS, isArray: true, minItems: 1, maxItems: RFM_SEGMENT_KEYS.length, example: ['champions', 'loyal'] })
  segments: RfmSegmentKey[];
}

const isKey = (v: unknown): v is RfmSegmentKey => typeof v === 'string' && (RFM_SEGMENT_KEYS as readonly string[]).includes(v);

export const rfmSegmentPart: AudiencePartKind<RfmSegmentAudiencePart> = {
  type: 'rfmSegment',
  schema: RfmSegmentAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'segments');
    const value = p.segments;
    if (!Array.isArray(value) || value.length === 0 || value.length > RFM_SEGMENT_KEYS.length) {
      throw new AudienceError(`${field}.segments`, `must be a list of 1 to ${RFM_SEGMENT_KEYS.length} RFM segments`);
    }
    if (!value.every(isKey)) {
      throw new AudienceError(`${field}.segments`, `each value must be one of ${RFM_SEGMENT_KEYS.join(', ')}`);
    }
    return { type: 'rfmSegment', segments: RFM_SEGMENT_KEYS.filter((k) => value.includes(k)) };
  },
  describe(part) {
    const rules = part.segments.map(rfmSegment);
    return bilingual(`RFM 分群为 ${rules.map((s) => s.zhCN).join('、')}`, `RFM segment ${rules.map((s) => s.en).join(', ')}`);
  },
  compile(part) {
    // r·10 + f names a cell; a member never scored has no row, or NULL scores (NULL IN … is not true): not in.
    const cells = rfmCellsOf(part.segments).map(([r, f]) => r * 10 + f);
    return {
      sql: `EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND mv.r * 10 + mv.f IN (${cells.map(() => '?').join(', ')}))`,
      params: cells,
    };
  },
  matches: (part, member) =>
    member.rfmR !== null && member.rfmF !== null && part.segments.includes(rfmSegmentOf(member.rfmR, member.rfmF).key),
  explain: (_part, member) => {
    if (member.rfmR === null || member.rfmF === null) {
      return bilingual('尚无 RFM 评分', 'no RFM scores yet');
    }
    const s = rfmSegmentOf(member.rfmR, member.rfmF);
    return bilingual(`R${member.rfmR} F${member.rfmF}（${s.zhCN}）`, `R${member.rfmR} F${member.rfmF} (${s.en})`);
  },
};
