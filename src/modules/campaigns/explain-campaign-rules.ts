import { Injectable } from '@nestjs/common';
import { memberNotFound } from '../members/members.errors';
import { MemberFactsQueries } from './audience/member-facts.queries';
import { CategoryNames } from '../categories/category-names';
import { actionCategories, checkActions, consentChannelOf, describeActions } from './campaign-definition';
import { invalidCampaign } from './campaigns.errors';
import { CampaignsRepository } from './campaigns.repository';
import { Clock } from './clock';
import { CampaignRulesExplanationResponse, ExplainCampaignRulesDto } from './dto/explain-rules.dto';
import {
  AudienceDefinition,
  AudienceError,
  AudiencePart,
  compileAudience,
  describeAudience,
  describeAudiencePart,
  explainAudience,
  namedIdsOf,
  parseAudience,
} from './rules/audience';
import { DEFAULT_TIMEZONE, isTimezone } from './rules/schedule';

/**
 * Campaign actions and an audience in words, zh-CN and English, from their
 * kinds (the console renders these, never a copy of its own), clubs and stores
 * named by their codes; with estimate, how many members the audience holds
 * now; with a member, whether the member is in the audience, part by part.
 * Reads only.
 */
@Injectable()
export class ExplainCampaignRules {
  constructor(
    private readonly facts: MemberFactsQueries,
    private readonly clock: Clock,
    private readonly campaigns: CampaignsRepository,
    private readonly categoryNames: CategoryNames,
  ) {}

  async explain(dto: ExplainCampaignRulesDto): Promise<CampaignRulesExplanationResponse> {
    const actions = checkActions((dto.actions ?? []).map((input, i) => ({ input, field: `actions[${i}]` })));
    const timezone = dto.timezone ?? DEFAULT_TIMEZONE;
    if (!isTimezone(timezone)) {
      throw invalidCampaign('timezone', `is not a known timezone: ${timezone}`);
    }
    // Categories by the catalog's names.
    const actionWords = describeActions(actions, await this.categoryNames.lookup(actionCategories(actions)));
    if (dto.audience === undefined) {
      if (dto.memberId !== undefined) {
        throw invalidCampaign('memberId', 'needs an audience to explain');
      }
      return { actions: actionWords, audience: null };
    }
    const audience = parsed(dto.audience);
    // Clubs and stores by their codes, not their ids.
    const names = await this.facts.codesOf(namedIdsOf(audience));
    const description = describeAudience(audience, names);
    if (dto.memberId === undefined) {
      const parts = (list: AudiencePart[]) => list.map((part) => ({ part, description: describeAudiencePart(part, names) }));
      const size = dto.estimate
        ? await this.campaigns.countAudience(
            compileAudience(audience, { now: this.clock.now(), timezone, consentChannel: consentChannelOf(actions) }),
          )
        : undefined;
      return {
        actions: actionWords,
        audience: {
          description,
          include: parts(audience.include),
          exclude: parts(audience.exclude ?? []),
          ...(size === undefined ? {} : { size }),
        },
      };
    }
    const [member] = await this.facts.forMembers([dto.memberId]);
    if (!member) {
      throw memberNotFound('memberId', dto.memberId);
    }
    const forMember = explainAudience(
      audience,
      member,
      { now: this.clock.now(), timezone, consentChannel: consentChannelOf(actions) },
      names,
    );
    return { actions: actionWords, audience: { description, ...forMember } };
  }
}

function parsed(audience: Record<string, unknown>): AudienceDefinition {
  try {
    return parseAudience(audience);
  } catch (err) {
    if (err instanceof AudienceError) {
      throw invalidCampaign(err.field, err.message);
    }
    throw err;
  }
}
