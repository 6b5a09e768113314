import { allPart } from './all.part';
import { AudiencePartKind } from './audience-part.kind';
import { birthdayPart } from './birthday.part';
import { clubPart } from './club.part';
import { consentPart } from './consent.part';
import { gradePart } from './grade.part';
import { joinedWithinDaysPart } from './joined-within-days.part';
import { noPurchaseDaysPart } from './no-purchase-days.part';
import { pointsExpiringDaysPart } from './points-expiring-days.part';
import { rfmSegmentPart } from './rfm-segment.part';
import { storePart } from './store.part';
import { tierPart } from './tier.part';

/** Every kind of audience part, one line each (the order is the one error messages and the OpenAPI `oneOf` list). */
export const AUDIENCE_PART_KINDS = [
  allPart,
  clubPart,
  tierPart,
  gradePart,
  rfmSegmentPart,
  storePart,
  noPurchaseDaysPart,
  birthdayPart,
  joinedWithinDaysPart,
  pointsExpiringDaysPart,
  consentPart,
] as const;

type PartOf<K> = K extends AudiencePartKind<infer P> ? P : never;

/** One part of an audience: the union of every kind's part, discriminated by `type`. */
export type AudiencePart = PartOf<(typeof AUDIENCE_PART_KINDS)[number]>;
export type AudiencePartType = AudiencePart['type'];

const BY_TYPE = new Map<string, AudiencePartKind<AudiencePart>>(
  AUDIENCE_PART_KINDS.map((k) => [k.type, k as AudiencePartKind<AudiencePart>]),
);

export function audiencePartKind(type: string): AudiencePartKind<AudiencePart> | undefined {
  return BY_TYPE.get(type);
}

/** The kind of a part already typed (a stored part). */
export function kindOfPart(part: AudiencePart): AudiencePartKind<AudiencePart> {
  const kind = BY_TYPE.get(part.type);
  if (!kind) {
    throw new Error(`Unknown audience part ${JSON.stringify(part)}`);
  }
  return kind;
}
