import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { judgeMac, memberCodeAt, openMemberCode, stepAt, stepStart } from './member-code/member-code';
import { MemberCodeKeys, memberCodeKeys, newMemberSecret, openSecret, sealSecret } from './member-code/member-code-keys';
import { memberCodeExpired, memberCodeNotFound } from './member-code.errors';
import { MemberCodeRow, MemberCodesRepository } from './member-codes.repository';

/** The member a valid code names (before merges: the POS follows a merge as it does for a card) and the code's step. */
export interface CodeOwner {
  memberId: string;
  step: number;
}

export interface IssuedCode {
  code: string;
  /** When the page starts showing it (the start of its step). */
  showFrom: Date;
  /** When the page moves on to the next code; the POS still takes it for one more step after. */
  showUntil: Date;
}

/** A code to resolve and the time it was shown at the till (now, or an offline receipt's occurredAt). */
export interface CodeSighting {
  code: string;
  at?: Date;
}

/**
 * Member codes (POS-API 1.2): the portal's upcoming codes of a member, and what a code names at the till. The
 * derivation is in member-code/member-code.ts; the reasons for it in the README ("The member code").
 */
@Injectable()
export class MemberCodesService {
  private readonly keys: MemberCodeKeys;

  constructor(
    config: AppConfig,
    private readonly repo: MemberCodesRepository,
    private readonly clock: Clock,
  ) {
    this.keys = memberCodeKeys(config.memberCodeKey);
  }

  /** The member's codes from the current step on, `count` of them; the member's secret is made on the first call. */
  async upcoming(memberId: string, count: number): Promise<{ now: Date; codes: IssuedCode[] }> {
    const now = this.clock.now();
    const row = await this.rowOf(memberId, now);
    const secret = await this.secretOf(row, now);
    const first = stepAt(now.getTime());
    const codes = Array.from({ length: count }, (_, k) => ({
      code: memberCodeAt(this.keys.prp, row.code_index, secret, first + k),
      showFrom: stepStart(first + k),
      showUntil: stepStart(first + k + 1),
    }));
    return { now, codes };
  }

  /** What each code names, or the error its till gets: one primary-key read for all of them. */
  async resolveMany(sightings: CodeSighting[], m?: EntityManager): Promise<Map<string, CodeOwner | DomainError>> {
    const out = new Map<string, CodeOwner | DomainError>();
    const opened = sightings.map((s) => ({ ...s, opened: openMemberCode(this.keys.prp, s.code) }));
    const rows = await this.repo.byIndexes(
      opened.flatMap((o) => (o.opened ? [o.opened.index] : [])),
      m,
    );
    const now = this.clock.now();
    for (const { code, at, opened: o } of opened) {
      const row = o ? rows.get(o.index) : undefined;
      const secret = row ? openSecret(this.keys.seal, row.member_id, row.secret) : null;
      if (!o || !row || !secret) {
        out.set(code, memberCodeNotFound());
        continue;
      }
      const verdict = judgeMac(secret, o.mac, stepAt((at ?? now).getTime()));
      switch (verdict.kind) {
        case 'valid':
          out.set(code, { memberId: row.member_id, step: verdict.step });
          break;
        case 'expired':
        case 'not_yet_valid':
          out.set(code, memberCodeExpired(verdict.kind));
          break;
        case 'unknown':
          out.set(code, memberCodeNotFound());
          break;
      }
    }
    return out;
  }

  async resolve(sighting: CodeSighting, m?: EntityManager): Promise<CodeOwner> {
    const result = (await this.resolveMany([sighting], m)).get(sighting.code);
    if (!result || result instanceof DomainError) {
      throw result ?? memberCodeNotFound();
    }
    return result;
  }

  /** In a redemption's transaction: the code pays once; a second redemption with it (or an older code) is MEMBER_CODE_EXPIRED. */
  async spend(m: EntityManager, owner: CodeOwner): Promise<void> {
    if (!(await this.repo.claimSpendingStep(m, owner.memberId, owner.step))) {
      throw memberCodeExpired('spent');
    }
  }

  /** A new secret (a card reported lost): every code shown or photographed before stops working at once. */
  async rotate(m: EntityManager, memberId: string, now: Date): Promise<void> {
    await this.repo.replaceSecret(m, memberId, sealSecret(this.keys.seal, memberId, newMemberSecret()), now);
  }

  private async rowOf(memberId: string, now: Date): Promise<MemberCodeRow> {
    const found = await this.repo.ofMember(memberId);
    if (found) {
      return found;
    }
    await this.repo.insertIfMissing(memberId, sealSecret(this.keys.seal, memberId, newMemberSecret()), now);
    const made = await this.repo.ofMember(memberId);
    if (!made) {
      throw new Error(`member code row of ${memberId} missing after insert`);
    }
    return made;
  }

  /** The secret; one sealed under an earlier key (MEMBER_CODE_KEY or JWT_SECRET changed) is replaced by a new one. */
  private async secretOf(row: MemberCodeRow, now: Date): Promise<Buffer> {
    const secret = openSecret(this.keys.seal, row.member_id, row.secret);
    if (secret) {
      return secret;
    }
    await this.repo.replaceSecret(this.repo.manager, row.member_id, sealSecret(this.keys.seal, row.member_id, newMemberSecret()), now);
    // Read back: of two requests replacing at once, the last write is the secret the till will check.
    const stored = await this.repo.ofMember(row.member_id);
    const reopened = stored ? openSecret(this.keys.seal, stored.member_id, stored.secret) : null;
    if (!reopened) {
      throw new Error(`member code secret of ${row.member_id} does not open after replacing it`);
    }
    return reopened;
  }
}
