/** A slice of the members by id: fromId inclusive, toId exclusive (null: to the end). */
export interface MemberRange {
  fromId: string;
  toId: string | null;
}

/** Turns sorted boundary ids into consecutive ranges covering every member id. */
export function rangesFromBoundaries(boundaries: string[]): MemberRange[] {
  const ranges: MemberRange[] = [];
  let from = '';
  for (const b of boundaries) {
    if (b > from) {
      ranges.push({ fromId: from, toId: b });
      from = b;
    }
  }
  ranges.push({ fromId: from, toId: null });
  return ranges;
}
