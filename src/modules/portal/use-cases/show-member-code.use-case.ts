import { Injectable } from '@nestjs/common';
import { ISSUED_STEPS_AHEAD, STEP_SECONDS, ACCEPTED_STEPS_BACK } from '../../cards/member-code/member-code';
import { MemberCodesService } from '../../cards/member-codes.service';
import { MemberCodeResponse } from '../dto/portal.response';

/**
 * GET me/member-code: the member's codes for the next 10 minutes, not the secret that makes them (README, "The
 * member code"): the page shows each in its 30 seconds, offline if need be, and asks again before the last ends.
 */
@Injectable()
export class ShowMemberCodeUseCase {
  constructor(private readonly codes: MemberCodesService) {}

  async show(memberId: string): Promise<MemberCodeResponse> {
    const { now, codes } = await this.codes.upcoming(memberId, ISSUED_STEPS_AHEAD);
    return {
      serverTime: now.toISOString(),
      stepSeconds: STEP_SECONDS,
      acceptedForSeconds: STEP_SECONDS * (ACCEPTED_STEPS_BACK + 1),
      codes: codes.map((c) => ({ code: c.code, showFrom: c.showFrom.toISOString(), showUntil: c.showUntil.toISOString() })),
      refreshBefore: codes[codes.length - 1].showUntil.toISOString(),
    };
  }
}
