import { Injectable } from '@nestjs/common';
import { CONSENT_CHANNELS, ConsentChannel } from '../../members/entities/member-consent.entity';
import { MemberArchiveService } from '../../members/member-archive.service';
import { PortalQueries } from '../portal.queries';

const HISTORY_SHOWN = 50;

/**
 * GET/PUT me/consents: marketing consent per channel (a channel never
 * answered reads as not granted). Changes go through the member archive, so
 * each is kept in the history (consent.<channel>, old and new, the member as
 * actor) and audited; the last 50 are shown.
 */
@Injectable()
export class MyConsentsUseCase {
  constructor(
    private readonly repo: PortalQueries,
    private readonly archive: MemberArchiveService,
  ) {}

  async get(memberId: string) {
    const [current, history, agreements] = await Promise.all([
      this.repo.consents(memberId),
      this.repo.consentHistory(memberId, HISTORY_SHOWN),
      this.repo.agreements(memberId),
    ]);
    return {
      consents: CONSENT_CHANNELS.map((channel) => ({
        channel,
        granted: current.get(channel)?.granted ?? false,
        updatedAt: current.get(channel)?.updatedAt.toISOString() ?? null,
      })),
      history: history.map((h) => ({
        channel: h.field.replace(/^consent\./, ''),
        granted: h.newValue === 'true',
        previous: h.oldValue === null ? null : h.oldValue === 'true',
        changedBy: h.actorType === 'member' ? 'you' : 'service desk',
        at: h.createdAt.toISOString(),
      })),
      agreements: agreements.map((a) => ({ document: a.document, version: a.version, at: a.at.toISOString() })),
    };
  }

  async set(memberId: string, consents: Partial<Record<ConsentChannel, boolean>>) {
    const changed = await this.archive.setConsents({ type: 'member', id: memberId }, memberId, consents);
    return { changed: changed.map((c) => c.field.replace(/^consent\./, '')), ...(await this.get(memberId)) };
  }
}
