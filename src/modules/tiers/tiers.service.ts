import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigChanges } from '../../queue/config-changes';
import { Tier } from './entities/tier.entity';
import { TiersRepository } from './tiers.repository';

const CACHE_MS = 5000;

/** The default ladder of POS-API.md; written to an empty tiers table at boot, then edited in the database. */
export const DEFAULT_TIERS: Tier[] = [
  {
    code: 'STANDARD',
    name: 'Standard',
    nameZh: '普通会员',
    rank: 0,
    kind: 'threshold',
    minSpendCents: null,
    minPoints: null,
    minPurchases: null,
    qualifyMode: 'any',
    earnMultiplierPermille: 1000,
    birthdayBonusPoints: 0,
    priorityService: false,
    rankTopN: null,
    rankTopPermille: null,
  },
  {
    code: 'VIP',
    name: 'VIP',
    nameZh: 'VIP会员',
    rank: 1,
    kind: 'threshold',
    minSpendCents: 500_000,
    minPoints: null,
    minPurchases: null,
    qualifyMode: 'any',
    earnMultiplierPermille: 1500,
    birthdayBonusPoints: 0,
    priorityService: false,
    rankTopN: null,
    rankTopPermille: null,
  },
  {
    code: 'SVIP',
    name: 'SVIP',
    nameZh: '超级VIP会员',
    rank: 2,
    kind: 'threshold',
    minSpendCents: 2_000_000,
    minPoints: null,
    minPurchases: null,
    qualifyMode: 'any',
    earnMultiplierPermille: 2000,
    birthdayBonusPoints: 0,
    priorityService: true,
    rankTopN: null,
    rankTopPermille: null,
  },
];

@Injectable()
export class TiersService implements OnApplicationBootstrap {
  private cache: { tiers: Tier[]; at: number } | null = null;

  constructor(
    private readonly repo: TiersRepository,
    changes: ConfigChanges,
  ) {
    // A ladder edit in any process drops this cache at once (see ConfigChanges).
    changes.on('tiers', () => this.invalidate());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.repo.seedIfEmpty(DEFAULT_TIERS);
  }

  /** All tiers by rank, cached for a few seconds (the hot path reads them on every purchase); an edit drops the cache everywhere. */
  async list(): Promise<Tier[]> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < CACHE_MS) {
      return this.cache.tiers;
    }
    const tiers = await this.repo.ladder();
    this.cache = { tiers, at: now };
    return tiers;
  }

  async entryTier(): Promise<Tier> {
    const tiers = await this.list();
    if (tiers.length === 0) {
      throw new Error('No tiers configured');
    }
    return tiers[0];
  }

  async byCode(code: string): Promise<Tier> {
    const tiers = await this.list();
    return tiers.find((t) => t.code === code) ?? tiers[0];
  }

  invalidate(): void {
    this.cache = null;
  }
}
