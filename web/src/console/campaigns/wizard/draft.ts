import type { Schemas } from '../../../shared/api';
import type { MessageKey } from '../../../shared/i18n';
import { SEGMENTS } from '../../analytics/rfm-segments';

/** The campaign as POST/PATCH campaigns take it (the server's CreateCampaignDto). */
export type CampaignBody = Schemas['CreateCampaignDto'];
/** One part of an audience and one action, as the server publishes them (each a oneOf by type). */
export type AudiencePart = CampaignBody['audience']['include'][number];
export type ActionBody = NonNullable<CampaignBody['actions']>[number];

/** An RFM segment's key, as the server's rfmSegment audience part takes it. */
export type RfmSegmentKey = Extract<AudiencePart, { type: 'rfmSegment' }>['segments'][number];

/**
 * What the campaign gives each member reached: points, one coupon of a reward, bonus points on their purchases in a
 * window (a bonus rule), or nothing (a message only).
 */
export type GrantKind = 'points' | 'coupon' | 'bonus' | 'none';

/** A bonus rule's kind, as the server's bonusRule action takes it. */
export type BonusKind = 'category_multiplier' | 'base_multiplier' | 'fixed_bonus';

/** What the wizard edits, step by step; toBody turns it into the request. */
export interface Draft {
  name: string;
  clubIds: string[];
  tierCodes: string[];
  /** RFM segments (the analytics page's named R×F cells, by key). */
  rfmSegments: RfmSegmentKey[];
  /** any: members in any of the chosen clubs OR tiers (the server's default); all: in one of the clubs AND one of the tiers. */
  combine: 'any' | 'all';
  excludeClubIds: string[];
  excludeTierCodes: string[];
  excludeRfmSegments: RfmSegmentKey[];
  /** Leave out members with no purchase in this many days (dormant members); null: nobody left out for it. */
  excludeNoPurchaseDays: number | null;
  /** Leave out members who joined in this many days; null: nobody left out for it. */
  excludeJoinedWithinDays: number | null;
  grantKind: GrantKind;
  grantPoints: number | null;
  grantReason: string;
  rewardId: string | null;
  /** The bonus rule (grantKind 'bonus'): a multiplier on one category's points or on all base points, or fixed points on a large purchase. */
  bonusKind: BonusKind;
  /** 2 = twice the points (the server's multiplierPermille 2000). */
  bonusMultiplier: number | null;
  bonusCategory: string | null;
  /** fixed_bonus: the points given on a purchase of at least bonusMinSpendYuan. */
  bonusPoints: number | null;
  bonusMinSpendYuan: number | null;
  /** The window on the purchase time: from (inclusive) and to (exclusive), ISO instants. */
  bonusStartsAt: string | null;
  bonusEndsAt: string | null;
  messageOn: boolean;
  channel: 'sms' | 'email' | 'push';
  template: string | null;
  scheduleKind: 'now' | 'at' | 'cron';
  at: string | null;
  cron: string;
  timezone: string;
  /** The budget cap, in points or in coupons (what the grant counts); null: no cap. */
  budget: number | null;
  holdoutPercent: number;
}

/** A new campaign: nothing chosen, no amount pre-filled (the marketer types every figure that costs money). */
export const NEW_DRAFT: Draft = {
  name: '',
  clubIds: [],
  tierCodes: [],
  rfmSegments: [],
  combine: 'any',
  excludeClubIds: [],
  excludeTierCodes: [],
  excludeRfmSegments: [],
  excludeNoPurchaseDays: null,
  excludeJoinedWithinDays: null,
  grantKind: 'points',
  grantPoints: null,
  grantReason: '',
  rewardId: null,
  bonusKind: 'category_multiplier',
  bonusMultiplier: null,
  bonusCategory: null,
  bonusPoints: null,
  bonusMinSpendYuan: null,
  bonusStartsAt: null,
  bonusEndsAt: null,
  messageOn: false,
  channel: 'sms',
  template: null,
  scheduleKind: 'now',
  at: null,
  cron: '0 9 * * 1',
  timezone: 'Asia/Shanghai',
  budget: null,
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
 * The audience parts the draft asks for, one per kind (club, tier, RFM segment), as the server's audience takes them.
 * A kind of part the server adds is one more entry here and one more field in the audience step.
 */
export function audienceParts(d: Pick<Draft, 'clubIds' | 'tierCodes' | 'rfmSegments'>): AudiencePart[] {
  const include: AudiencePart[] = [];
  if (d.clubIds.length > 0) {
    include.push({ type: 'club', clubIds: d.clubIds });
  }
  if (d.tierCodes.length > 0) {
    include.push({ type: 'tier', codes: d.tierCodes });
  }
  if (d.rfmSegments.length > 0) {
    include.push({ type: 'rfmSegment', segments: d.rfmSegments });
  }
  return include;
}

/** The members left out (any of these parts excludes a member): clubs, tiers, RFM segments, dormant, newly joined. */
export function exclusionParts(d: Draft): AudiencePart[] {
  const exclude: AudiencePart[] = audienceParts({
    clubIds: d.excludeClubIds,
    tierCodes: d.excludeTierCodes,
    rfmSegments: d.excludeRfmSegments,
  });
  if (d.excludeNoPurchaseDays) {
    exclude.push({ type: 'noPurchaseDays', days: d.excludeNoPurchaseDays });
  }
  if (d.excludeJoinedWithinDays) {
    exclude.push({ type: 'joinedWithinDays', days: d.excludeJoinedWithinDays });
  }
  return exclude;
}

/** The actions the draft asks for (grant points or a coupon, send a message): the whole list, so a save replaces the stored ones. */
export function draftActions(d: Draft): ActionBody[] {
  const actions: ActionBody[] = [];
  if (d.grantKind === 'points' && d.grantPoints) {
    actions.push({ type: 'grant', points: d.grantPoints, reason: d.grantReason || d.name });
  }
  if (d.grantKind === 'coupon' && d.rewardId) {
    actions.push({ type: 'grantCoupon', rewardId: d.rewardId });
  }
  if (d.grantKind === 'bonus' && missingForBonus(d) === null && d.bonusStartsAt && d.bonusEndsAt) {
    const window = { startsAt: d.bonusStartsAt, endsAt: d.bonusEndsAt };
    if (d.bonusKind === 'fixed_bonus') {
      actions.push({
        type: 'bonusRule',
        kind: 'fixed_bonus',
        points: d.bonusPoints ?? 0,
        minSpendCents: Math.round((d.bonusMinSpendYuan ?? 0) * 100),
        ...window,
      });
    } else {
      const multiplierPermille = Math.round((d.bonusMultiplier ?? 0) * 1000);
      actions.push(
        d.bonusKind === 'category_multiplier'
          ? { type: 'bonusRule', kind: 'category_multiplier', multiplierPermille, category: d.bonusCategory ?? '', ...window }
          : { type: 'bonusRule', kind: 'base_multiplier', multiplierPermille, ...window },
      );
    }
  }
  if (d.messageOn && d.template) {
    actions.push({ type: 'message', channel: d.channel, template: d.template });
  }
  return actions;
}

export function toBody(d: Draft): CampaignBody {
  const exclude = exclusionParts(d);
  return {
    name: d.name,
    audience: { include: audienceParts(d), requireAll: d.combine === 'all', ...(exclude.length > 0 ? { exclude } : {}) },
    actions: draftActions(d),
    schedule:
      d.scheduleKind === 'at' && d.at
        ? { kind: 'at', at: d.at }
        : d.scheduleKind === 'cron' && d.cron.trim()
          ? { kind: 'cron', cron: d.cron.trim(), timezone: d.timezone }
          : { kind: 'now' },
    budgetPoints: d.budget,
    holdoutPermille: Math.round(d.holdoutPercent * 10),
  };
}

/** A draft can be saved (and previewed) once it has a name and at least one audience part. */
export function hasAudience(body: CampaignBody): boolean {
  const include = body.audience.include;
  return Array.isArray(include) && include.length > 0 && body.name.trim().length > 0;
}

export type Missing = 'points' | 'reward' | BonusMissing | 'template' | 'action';
type BonusMissing = 'bonusMultiplier' | 'bonusCategory' | 'bonusPoints' | 'bonusMinSpend' | 'bonusWindow';

/** The first thing a bonus rule still needs: its multiplier (more than 1×, at most 10×), category, points and spend, or window. */
export function missingForBonus(d: Draft): BonusMissing | null {
  if (d.bonusKind === 'fixed_bonus') {
    if (!d.bonusPoints) {
      return 'bonusPoints';
    }
    if (d.bonusMinSpendYuan === null) {
      return 'bonusMinSpend';
    }
  } else {
    if (d.bonusMultiplier === null || d.bonusMultiplier <= 1 || d.bonusMultiplier > 10) {
      return 'bonusMultiplier';
    }
    if (d.bonusKind === 'category_multiplier' && !d.bonusCategory) {
      return 'bonusCategory';
    }
  }
  if (!d.bonusStartsAt || !d.bonusEndsAt || !(new Date(d.bonusEndsAt) > new Date(d.bonusStartsAt))) {
    return 'bonusWindow';
  }
  return null;
}

/** What is missing before the campaign may be launched: the grant's figure, reward or bonus rule, the message's template, any action at all. */
export function missingForLaunch(d: Draft): Missing[] {
  const missing: Missing[] = [];
  if (d.grantKind === 'points' && !d.grantPoints) {
    missing.push('points');
  }
  if (d.grantKind === 'coupon' && !d.rewardId) {
    missing.push('reward');
  }
  const bonus = d.grantKind === 'bonus' ? missingForBonus(d) : null;
  if (bonus) {
    missing.push(bonus);
  }
  if (d.messageOn && !d.template) {
    missing.push('template');
  }
  if (missing.length === 0 && draftActions(d).length === 0) {
    missing.push('action');
  }
  return missing;
}

/** The budget's unit: coupons when the campaign grants a coupon, else points. */
export const budgetUnit = (d: Pick<Draft, 'grantKind'>): 'points' | 'coupons' => (d.grantKind === 'coupon' ? 'coupons' : 'points');

/**
 * What launching costs, as the confirmation states it: points from the server's preview (already stopped at the
 * cap), or one coupon per targeted member stopped at the cap; and how many targeted members the cap leaves without.
 */
export function launchCost(
  d: Pick<Draft, 'grantKind' | 'grantPoints' | 'budget'>,
  preview: { targeted: number; estimatedPoints: number },
): { total: number; perMember: number; leftWithout: number } {
  if (d.grantKind === 'coupon') {
    const total = d.budget === null ? preview.targeted : Math.min(preview.targeted, d.budget);
    return { total, perMember: 1, leftWithout: preview.targeted - total };
  }
  if (d.grantKind === 'points' && d.grantPoints) {
    const paid = Math.floor(preview.estimatedPoints / d.grantPoints);
    return { total: preview.estimatedPoints, perMember: d.grantPoints, leftWithout: Math.max(preview.targeted - paid, 0) };
  }
  return { total: 0, perMember: 0, leftWithout: 0 };
}

/** The audience in one sentence: which parts, joined by OR or AND, and whether anyone is left out. */
export function audienceWords(d: Draft, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const clubs = d.clubIds.length > 0;
  const tiers = d.tierCodes.length > 0;
  const segments = d.rfmSegments.length > 0;
  let base: string | null;
  if (segments) {
    const names = SEGMENTS.filter((s) => d.rfmSegments.includes(s.key))
      .map((s) => t(s.label))
      .join(t('campaigns.audienceWords.listSep'));
    const parts = [
      ...(clubs ? [t('campaigns.audienceWords.part.clubs')] : []),
      ...(tiers ? [t('campaigns.audienceWords.part.tiers')] : []),
      t('campaigns.audienceWords.part.segments', { names }),
    ];
    base = t('campaigns.audienceWords.members', { parts: parts.join(t(`campaigns.audienceWords.join.${d.combine}`)) });
  } else {
    base =
      clubs && tiers
        ? t(`campaigns.audienceWords.${d.combine}`)
        : clubs
          ? t('campaigns.audienceWords.clubs')
          : tiers
            ? t('campaigns.audienceWords.tiers')
            : null;
  }
  if (base === null) {
    return t('campaigns.audienceWords.none');
  }
  const excluding =
    d.excludeClubIds.length > 0 ||
    d.excludeTierCodes.length > 0 ||
    d.excludeRfmSegments.length > 0 ||
    d.excludeNoPurchaseDays !== null ||
    d.excludeJoinedWithinDays !== null;
  return excluding ? `${base}${t('campaigns.audienceWords.except')}` : `${base}${t('campaigns.fullStop')}`;
}

/** A multiplier as the words show it: 2 → "2", 1.5 → "1.5". */
const times = (m: number) => String(Math.round(m * 1000) / 1000);

/** The bonus rule in words (the confirmation and the action step): what a purchase earns, the category by its name; null while incomplete. */
export function bonusRuleWords(
  d: Draft,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  money: (cents: number) => string,
  categoryName: (code: string) => string,
): string | null {
  if (d.bonusKind === 'fixed_bonus') {
    return d.bonusPoints && d.bonusMinSpendYuan !== null
      ? t('campaigns.bonusRule.fixed_bonus', { points: d.bonusPoints, money: money(Math.round(d.bonusMinSpendYuan * 100)) })
      : null;
  }
  if (d.bonusMultiplier === null || d.bonusMultiplier <= 1) {
    return null;
  }
  if (d.bonusKind === 'base_multiplier') {
    return t('campaigns.bonusRule.base_multiplier', { times: times(d.bonusMultiplier) });
  }
  return d.bonusCategory
    ? t('campaigns.bonusRule.category_multiplier', { times: times(d.bonusMultiplier), category: categoryName(d.bonusCategory) })
    : null;
}
