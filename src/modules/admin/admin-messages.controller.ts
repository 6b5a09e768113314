import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';
import { OutboxService } from '../messages/outbox.service';
import { templateView, TemplatesService } from '../messages/templates.service';
import { AdminErrors } from '../../common/api/error-responses';
import { seesPersonalData } from './member-view';
import { OutboxQueryDto, PreviewTemplateDto, SaveTemplateDto, TemplateCodeParam } from '../messages/dto/messages.dto';
import {
  OutboxPageResponse,
  TemplateListResponse,
  TemplatePreviewResponse,
  TemplateResponse,
  TemplateVersionsResponse,
} from '../messages/dto/messages.response';
import { actorOf } from './admin-actor';

const TEMPLATE_EXAMPLE = {
  code: 'notice.points-expiring',
  channel: 'sms',
  variants: {
    'zh-CN': { body: '{{name}}，您有 {{points}} 积分将于 {{expiryDate}} 到期，请尽快使用。' },
    en: { body: '{{name}}, {{points}} of your points expire on {{expiryDate}}.' },
  },
};

@ApiTags('admin')
@Controller('api/v1/admin')
export class AdminMessagesController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly templates: TemplatesService,
  ) {}

  @Get('outbox')
  @RequirePermission('messages.read')
  @ApiOperation({
    summary:
      'The message outbox, newest first, filtered by status, channel or member. Only admins see the text unmasked; a secret (the sign-in code) is never stored, so every view, the admin’s too, shows its placeholder {{code}}.',
  })
  @ApiOkResponse({ type: OutboxPageResponse })
  @AdminErrors()
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() q: OutboxQueryDto) {
    return this.outbox.list(
      { status: q.status, channel: q.channel, memberId: q.memberId, before: q.before, limit: q.limit ?? 50 },
      admin.role !== 'admin',
    );
  }

  @Post('message-templates')
  @RequirePermission('messages.manage')
  @ApiOperation({
    summary:
      'Save a template: a new version each time (1 for a new code). Variables: {{name}} {{points}} {{tier}} {{expiryDate}} {{club}}, and {{code}} in transactional templates; an unknown variable or a malformed placeholder is refused (400, the field and the variable named).',
    description:
      'System templates (portal.sign-in-code, notice.points-expiring, notice.tier-changed) and transactional templates (sent without marketing consent) need messages.system (admins): 403 FORBIDDEN for anyone else, also for marking a template transactional. A version of a system template keeps its channel, its transactional flag (the default when none is sent) and its required variables ({{code}} in the sign-in code; {{points}} {{expiryDate}} in the expiring-points notice; {{tier}} in the tier notice): 422 SYSTEM_TEMPLATE_INVALID otherwise, each problem named.',
  })
  @ApiBody({ type: SaveTemplateDto, examples: { expiryNotice: { summary: 'Expiring-points notice by SMS', value: TEMPLATE_EXAMPLE } } })
  @ApiCreatedResponse({ type: TemplateResponse })
  @AdminErrors(ErrorCode.SYSTEM_TEMPLATE_INVALID)
  async save(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: SaveTemplateDto) {
    return templateView(
      await this.templates.save(
        actorOf(admin),
        {
          code: dto.code,
          channel: dto.channel,
          transactional: dto.transactional,
          variants: { 'zh-CN': dto.variants['zh-CN'], en: dto.variants.en ?? null },
        },
        { system: can(admin.role, 'messages.system') },
      ),
    );
  }

  @Get('message-templates')
  @RequirePermission('messages.manage')
  @ApiOperation({ summary: 'The latest version of every template' })
  @ApiOkResponse({ type: TemplateListResponse })
  @AdminErrors()
  async listTemplates() {
    return { templates: (await this.templates.list()).map(templateView) };
  }

  @Get('message-templates/:code')
  @RequirePermission('messages.manage')
  @ApiOperation({ summary: 'Every version of a template, newest first' })
  @ApiOkResponse({ type: TemplateVersionsResponse })
  @AdminErrors(ErrorCode.TEMPLATE_NOT_FOUND)
  async versions(@Param() p: TemplateCodeParam) {
    return { versions: (await this.templates.versions(p.code)).map(templateView) };
  }

  @Post('message-templates/:code/preview')
  @HttpCode(200)
  @RequirePermission('messages.manage')
  @ApiOperation({
    summary: 'Render a template for a member (or a sample member) in zh-CN and en; nothing is sent or written',
    description: "Without members.pii (marketers) the member's name is rendered masked (张*), as in every other view of theirs.",
  })
  @ApiBody({ type: PreviewTemplateDto, examples: { sample: { summary: 'The sample member', value: {} } } })
  @ApiOkResponse({ type: TemplatePreviewResponse })
  @AdminErrors(ErrorCode.TEMPLATE_NOT_FOUND, ErrorCode.MEMBER_NOT_FOUND)
  preview(@CurrentAdmin() admin: AdminPrincipal, @Param() p: TemplateCodeParam, @Body() dto: PreviewTemplateDto) {
    return this.templates.preview(p.code, dto.memberId, dto.version, !seesPersonalData(admin));
  }
}
