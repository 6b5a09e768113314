import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MembersRepository } from '../../members/members.repository';
import { maskMessageText } from '../../messages/rules/mask-text';
import { TimelineResponse } from '../dto/timeline.dto';
import { MemberTimelineQueries, TIMELINE_KINDS, TimelineCursor, TimelineKind } from '../member-timeline.queries';

/** A page of the member's one timeline, newest first; notes masked for roles without members.pii. */
@Injectable()
export class GetMemberTimelineUseCase {
  constructor(
    private readonly queries: MemberTimelineQueries,
    private readonly members: MembersRepository,
  ) {}

  async page(
    memberId: string,
    opts: { kinds?: TimelineKind[]; cursor?: string; limit?: number; masked: boolean },
  ): Promise<TimelineResponse> {
    const member = await this.members.find(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const limit = opts.limit ?? 50;
    const rows = await this.queries.page(memberId, opts.kinds ?? TIMELINE_KINDS, opts.cursor ? decode(opts.cursor) : null, limit);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        kind: r.kind,
        at: r.at.toISOString(),
        refId: r.refId,
        storeName: r.storeName,
        amountCents: r.amountCents,
        points: r.points,
        label: r.label,
        detail: r.kind === 'note' && opts.masked && r.detail !== null ? maskMessageText(r.detail, member.name, false) : r.detail,
      })),
      nextCursor: rows.length > limit && last ? encode({ at: last.at, kind: last.kind, refId: last.refId }) : null,
    };
  }
}

function encode(c: TimelineCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.kind}|${c.refId}`).toString('base64url');
}

function decode(cursor: string): TimelineCursor {
  const [at, kind, refId] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at);
  if (!kind || refId === undefined || Number.isNaN(when.getTime())) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'cursor is not a nextCursor of this list.', [
      { field: 'cursor', message: 'unknown cursor' },
    ]);
  }
  return { at: when, kind, refId };
}
