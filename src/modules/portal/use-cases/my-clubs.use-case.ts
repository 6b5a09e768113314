import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { AuditService } from '../../audit/audit.service';
import { ClubsService } from '../../clubs/clubs.service';
import { MyClubRow, PortalQueries } from '../portal.queries';

function clubItem(r: MyClubRow) {
  const member = r.status === 'active';
  return {
    clubId: r.clubId,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    joinPolicy: r.joinPolicy,
    membership: r.status === null ? 'none' : member ? 'member' : 'left',
    joinedAt: r.joinedAt ? r.joinedAt.toISOString() : null,
    leftAt: r.leftAt ? r.leftAt.toISOString() : null,
    canJoin: !member && r.joinPolicy === 'open',
    canLeave: member,
  };
}

/**
 * GET me/clubs (the clubs the member is or was in, and open clubs, by code),
 * POST me/clubs/{id}/join and /leave through ClubsService (the member joins
 * open clubs only; leaving an automatic club keeps the member out of its
 * regroups). Joins and leaves are audited with the member as the actor.
 */
@Injectable()
export class MyClubsUseCase {
  constructor(
    private readonly repo: PortalQueries,
    private readonly clubs: ClubsService,
    private readonly audit: AuditService,
  ) {}

  async list(memberId: string, cursor: string | null, limit: number) {
    const rows = await this.repo.clubsFor(memberId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(clubItem), nextCursor: rows.length > limit ? page[page.length - 1].code : null };
  }

  async join(memberId: string, clubId: string) {
    const { changed } = await this.clubs.join(clubId, memberId, { kind: 'member', memberId });
    if (changed) {
      await this.audit.record({ type: 'member', id: memberId }, 'club.member.join', { type: 'member', id: memberId }, { clubId });
    }
    return this.one(memberId, clubId, changed);
  }

  async leave(memberId: string, clubId: string) {
    const { changed } = await this.clubs.leave(clubId, memberId, { kind: 'member', memberId });
    if (changed) {
      await this.audit.record({ type: 'member', id: memberId }, 'club.member.leave', { type: 'member', id: memberId }, { clubId });
    }
    return this.one(memberId, clubId, changed);
  }

  private async one(memberId: string, clubId: string, changed: boolean) {
    const row = await this.repo.clubFor(memberId, clubId);
    if (!row) {
      throw new DomainError(ErrorCode.CLUB_NOT_FOUND, `No club with id ${clubId}.`);
    }
    return { ...clubItem(row), changed };
  }
}
