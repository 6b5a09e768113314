import { Injectable } from '@nestjs/common';
import { AnalyticsRepository, DailyLabel } from '../analytics.repository';
import { addDays, businessDay, DAILY_DAYS, ratio } from '../rules/figures';
import { customPeriod, PeriodRequest, resolvePeriod } from '../rules/period';
import { SnapshotFigures } from './snapshot-figures';

const TOP_CLUBS = 5;
const LIVE_CAMPAIGNS = 10;

export type OverviewRequest = PeriodRequest;

/** (value − previous) / previous to 4 decimals; null without a previous figure to compare with. */
function change(value: number | null, previous: number | null): number | null {
  return value === null || previous === null ? null : ratio(value - previous, previous);
}

const kpi = (value: number | null, previous: number | null) => ({ value, previous, change: change(value, previous) });

/**
 * The dashboard: KPIs of a period (7, 30 or 90 business days to the snapshot, or a custom range) beside the period
 * before it, the daily series, the largest clubs, all from the newest snapshot; running campaigns and live rules read
 * live. Before the first snapshot: no period and no KPIs (never zeros that would read as "no members").
 */
@Injectable()
export class GetOverviewUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get(query: OverviewRequest) {
    customPeriod(query); // a bad period is refused before anything is read
    const [s, live, liveCampaignCount] = await Promise.all([
      SnapshotFigures.load(this.repo, ['members', 'daily', 'activity', 'churn']),
      this.repo.liveCampaigns(LIVE_CAMPAIGNS),
      this.repo.runningCampaigns(),
    ]);
    const liveCampaigns = live.map((c) => ({
      campaignId: c.id,
      name: c.name,
      state: c.state,
      startsAt: c.startsAt ? c.startsAt.toISOString() : null,
    }));
    if (!s.snapshot) {
      return { ...s.stamp(), period: null, kpis: null, daily: [], topClubs: [], liveCampaigns, liveCampaignCount };
    }
    const today = businessDay(s.snapshot.asOf);
    const { from, to, days, preset } = resolvePeriod(query, today);
    const previousFrom = addDays(from, -days);
    const previousTo = addDays(from, -1);

    const byDay = new Map<string, Partial<Record<DailyLabel, number>>>();
    for (const f of s.all('daily')) {
      const day = byDay.get(f.series) ?? {};
      day[f.label as DailyLabel] = f.value;
      byDay.set(f.series, day);
    }
    const figure = (day: string, label: DailyLabel) => byDay.get(day)?.[label] ?? 0;
    const sum = (label: DailyLabel, first: string, last: string) => {
      let total = 0;
      for (let day = first; day <= last; day = addDays(day, 1)) {
        total += figure(day, label);
      }
      return total;
    };

    const membersNow = s.get('members', 'totals', 'members');
    const members = to < today ? membersNow - sum('joined', addDays(to, 1), today) : membersNow;
    const membersBefore = members - sum('joined', from, to);
    const issued = sum('issued', from, to);
    const issuedBefore = sum('issued', previousFrom, previousTo);
    const redeemed = sum('redeemed', from, to);
    const redeemedBefore = sum('redeemed', previousFrom, previousTo);
    const rate = ratio(redeemed, issued);
    const rateBefore = ratio(redeemedBefore, issuedBefore);
    const active = preset
      ? kpi(s.get('activity', 'active', String(preset)), s.get('activity', 'active', `${preset}:previous`))
      : kpi(null, null);

    const population = s.list('churn', 'population', 'club:');
    const idle90 = new Map(s.list('churn', 'churned.90', 'club:').map((c) => [c.key, c.value]));
    const largest = population.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1)).slice(0, TOP_CLUBS);
    const names = await this.repo.clubNames(largest.map((c) => c.key));

    return {
      ...s.stamp(),
      period: {
        from,
        to,
        days,
        previousFrom,
        previousTo,
        preset,
        complete: previousFrom >= addDays(today, 1 - DAILY_DAYS) && to <= today,
      },
      kpis: {
        members: kpi(members, membersBefore),
        activeMembers: active,
        salesCents: kpi(sum('sales', from, to), sum('sales', previousFrom, previousTo)),
        receipts: kpi(sum('receipts', from, to), sum('receipts', previousFrom, previousTo)),
        pointsIssued: kpi(issued, issuedBefore),
        pointsRedeemed: kpi(redeemed, redeemedBefore),
        redemptionRate: {
          value: rate,
          previous: rateBefore,
          change: rate === null || rateBefore === null ? null : Math.round((rate - rateBefore) * 10_000) / 10_000,
        },
        couponsUsed: kpi(sum('coupons', from, to), sum('coupons', previousFrom, previousTo)),
      },
      daily: Array.from({ length: days }, (_, i) => {
        const day = addDays(from, i);
        return {
          day,
          joined: figure(day, 'joined'),
          receipts: figure(day, 'receipts'),
          salesCents: figure(day, 'sales'),
          pointsIssued: figure(day, 'issued'),
          pointsRedeemed: figure(day, 'redeemed'),
          couponsUsed: figure(day, 'coupons'),
        };
      }),
      topClubs: largest
        .filter((c) => names.has(c.key))
        .map((c) => {
          const club = names.get(c.key) as { code: string; name: string; nameEn: string };
          return {
            clubId: c.key,
            code: club.code,
            nameZh: club.name,
            nameEn: club.nameEn,
            members: c.value,
            active90: c.value - (idle90.get(c.key) ?? 0),
          };
        }),
      liveCampaigns,
      liveCampaignCount,
    };
  }
}
