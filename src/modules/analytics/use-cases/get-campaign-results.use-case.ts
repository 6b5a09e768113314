import { Injectable } from '@nestjs/common';
import { CampaignsService } from '../../campaigns/campaigns.service';

/** A page of campaigns (newest first), each with its live results as GET campaigns/{id}/results gives them. */
@Injectable()
export class GetCampaignResultsUseCase {
  constructor(private readonly campaigns: CampaignsService) {}

  async get(limit: number, cursor: string | null) {
    const page = await this.campaigns.list(limit, cursor);
    const items = [];
    // One campaign at a time: each results call is a few aggregate reads; a page must not take the whole pool.
    for (const c of page.items) {
      items.push({ name: c.name, ...(await this.campaigns.results(c.campaignId)) });
    }
    return { items, nextCursor: page.nextCursor };
  }
}
