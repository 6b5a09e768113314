import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortalErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { MemberComplaintDto, MyComplaintsQuery } from '../complaints/dto/complaint.dto';
import { MyComplaintResponse, MyComplaintsResponse } from '../complaints/dto/complaint.response';
import { FindComplaintsUseCase } from '../complaints/use-cases/find-complaints.use-case';
import { MoveComplaintUseCase } from '../complaints/use-cases/move-complaint.use-case';
import { RaiseComplaintUseCase } from '../complaints/use-cases/raise-complaint.use-case';
import { CurrentMember, MemberAuth } from './auth/member-auth.guard';
import { MemberPrincipal } from './auth/member-tokens.service';

/** The member's own complaints: raise one, see each with what staff answered, reopen a resolved one within 14 days. */
@ApiTags('portal')
@MemberAuth()
@Controller('api/v1/portal/me/complaints')
export class PortalComplaintsController {
  constructor(
    private readonly raising: RaiseComplaintUseCase,
    private readonly moving: MoveComplaintUseCase,
    private readonly find: FindComplaintsUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Raise a complaint (store, receipt, category, what happened); support answers within 72 hours' })
  @ApiCreatedResponse({ type: MyComplaintResponse })
  @PortalErrors()
  async raise(@CurrentMember() m: MemberPrincipal, @Body() dto: MemberComplaintDto): Promise<MyComplaintResponse> {
    const id = await this.raising.raise({ type: 'member', id: m.memberId }, { ...dto, memberId: m.memberId, severity: 'normal' });
    return this.one(m.memberId, id);
  }

  @Get()
  @ApiOperation({ summary: 'My complaints, newest first, with their state and what staff told me' })
  @ApiOkResponse({ type: MyComplaintsResponse })
  @PortalErrors()
  list(@CurrentMember() m: MemberPrincipal, @Query() q: MyComplaintsQuery) {
    return this.find.mine(m.memberId, q.limit ?? 50);
  }

  @Post(':complaintId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen my resolved or closed complaint (within 14 days of its resolution)' })
  @ApiOkResponse({ type: MyComplaintResponse })
  @PortalErrors(ErrorCode.COMPLAINT_NOT_FOUND, ErrorCode.COMPLAINT_INVALID_TRANSITION)
  async reopen(@CurrentMember() m: MemberPrincipal, @Param('complaintId', new ParseUUIDPipe()) id: string): Promise<MyComplaintResponse> {
    await this.moving.move({ type: 'member', id: m.memberId }, id, 'in_progress', null, m.memberId);
    return this.one(m.memberId, id);
  }

  private async one(memberId: string, id: string): Promise<MyComplaintResponse> {
    const mine = await this.find.mine(memberId, 200);
    const found = mine.items.find((c) => c.complaintId === id);
    if (!found) {
      throw new Error(`complaint ${id} of member ${memberId} not found after writing it`);
    }
    return found;
  }
}
