import { AUDIENCE_EXAMPLE } from '../../campaigns/dto/campaign.dto';

export const CAMPAIGN_EXAMPLE = {
  campaignId: '01a212aa-8b99-749f-88e9-001ff70d99ce',
  name: 'Birthday gift',
  state: 'draft',
  audience: AUDIENCE_EXAMPLE,
  actions: { grant: { points: 200, reason: 'Birthday gift' }, message: { channel: 'sms', template: 'birthday-greeting' } },
  schedule: { kind: 'cron', at: null, cron: '0 9 * * *', timezone: 'Asia/Shanghai', nextRunAt: null },
  holdoutPermille: 100,
  resultsDays: 14,
  jobId: null,
  lastOccurrence: null,
  createdAt: '2026-05-20T02:00:00.000Z',
  updatedAt: '2026-05-20T02:00:00.000Z',
  budget: { capPoints: 100000, spentPoints: 0, bonusPoints: 0 },
};

export const CAMPAIGN_PREVIEW_EXAMPLE = {
  campaignId: CAMPAIGN_EXAMPLE.campaignId,
  size: 1200,
  holdout: 118,
  targeted: 1082,
  estimatedPoints: 216400,
  sample: [{ memberId: '01a212aa-8b99-749f-88e9-001ff70d9a01', name: '张*', phone: '+86139****0000', tier: 'VIP' }],
};

export const CAMPAIGN_RESULTS_EXAMPLE = {
  campaignId: CAMPAIGN_EXAMPLE.campaignId,
  state: 'running',
  occurrence: '2026-05-20',
  audience: 1200,
  holdout: 118,
  delivered: 1082,
  overBudget: 0,
  failed: 0,
  messages: 1082,
  pointsGranted: 216400,
  bonusRulePoints: 0,
  budget: { capPoints: 100000, spentPoints: 216400 },
  afterDays: 14,
  targeted: {
    members: 1082,
    buyers: 300,
    purchases: 410,
    spendCents: 8200000,
    redemptions: 40,
    purchaseRate: 0.277264,
    spendPerMemberCents: 7579,
  },
  holdoutGroup: {
    members: 118,
    buyers: 25,
    purchases: 30,
    spendCents: 700000,
    redemptions: 3,
    purchaseRate: 0.211864,
    spendPerMemberCents: 5932,
  },
  uplift: {
    purchaseRate: { difference: 0.0654, low: -0.0143, high: 0.1451 },
    spendPerMemberCents: { difference: 1647, low: -210, high: 3504 },
  },
  progress: { jobId: '01a212aa-8b99-749f-88e9-001ff70d99cf', state: 'running', done: 3, total: 5, percent: 60 },
};
