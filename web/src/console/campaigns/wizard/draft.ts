import type { Schemas } from '../../../shared/api';

/** The campaign as POST/PATCH campaigns take it (the server's CreateCampaignDto). */
export type CampaignBody = Schemas['CreateCampaignDto'];
/** One part of an audience and one action, as the server publishes them (each a oneOf by type). */
export type AudiencePart = CampaignBody['audience']['include'][number];
export type ActionBody = NonNullable<CampaignBody['actions']>[number];

/** What the wizard edits, step by step; toBody turns it into the request. */
export interface Draft {
  name: string;
  clubIds: string[];
  tierCodes: string[];
  grantPoints: number | null;
  grantReason: string;
  messageOn: boolean;
  channel: 'sms' | 'email' | 'push';
  template: string | null;
  scheduleKind: 'now' | 'at' | 'cron';
  at: string | null;
  cron: string;
  timezone: string;
  budgetPoints: number | null;
  holdoutPercent: number;
}

export const NEW_DRAFT: Draft = {
  name: '',
  clubIds: [],
  tierCodes: [],
  grantPoints: 100,
  grantReason: '',
  messageOn: false,
  channel: 'sms',
  template: null,
  scheduleKind: 'now',
  at: null,
  cron: '0 9 * * 1',
  timezone: 'Asia/Shanghai',
  budgetPoints: null,
  holdoutPercent: 0,
};

/** The time zones offered for a repeating schedule (IANA names; the server defaults to Asia/Shanghai). */
export const TIMEZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/**
 * The audience parts the draft asks for, one per kind (club, tier), as the server's audience takes them. A kind of
 * part the server adds is one more entry here and one more field in the audience step.
 */
export function audienceParts(d: Pick<Draft, 'clubIds' | 'tierCodes'>): AudiencePart[] {
  const include: AudiencePart[] = [];
  if (d.clubIds.length > 0) {
    include.push({ type: 'club', clubIds: d.clubIds });
  }
  if (d.tierCodes.length > 0) {
    include.push({ type: 'tier', codes: d.tierCodes });
  }
  return include;
}

/** The actions the draft asks for (grant points, send a message): the whole list, so a save replaces the stored ones. */
export function draftActions(d: Draft): ActionBody[] {
  const actions: ActionBody[] = [];
  if (d.grantPoints) {
    actions.push({ type: 'grant', points: d.grantPoints, reason: d.grantReason || d.name });
  }
  if (d.messageOn && d.template) {
    actions.push({ type: 'message', channel: d.channel, template: d.template });
  }
  return actions;
}

export function toBody(d: Draft): CampaignBody {
  return {
    name: d.name,
    audience: { include: audienceParts(d), requireAll: false },
    actions: draftActions(d),
    schedule:
      d.scheduleKind === 'at' && d.at
        ? { kind: 'at', at: d.at }
        : d.scheduleKind === 'cron' && d.cron.trim()
          ? { kind: 'cron', cron: d.cron.trim(), timezone: d.timezone }
          : { kind: 'now' },
    budgetPoints: d.budgetPoints,
    holdoutPermille: Math.round(d.holdoutPercent * 10),
  };
}

/** A draft can be saved (and previewed) once it has a name and at least one audience part. */
export function hasAudience(body: CampaignBody): boolean {
  const include = body.audience.include;
  return Array.isArray(include) && include.length > 0 && body.name.trim().length > 0;
}
