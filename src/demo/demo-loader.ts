import { INestApplicationContext } from '@nestjs/common';
import { requestHash } from '../common/canonical-json';
import { Transactions } from '../database/transactions';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { MembersService } from '../modules/members/members.service';
import { PostPurchaseUseCase } from '../modules/points/use-cases/post-purchase/post-purchase.use-case';
import { CreateRewardDto } from '../modules/rewards/dto/reward.dto';
import { SaveRewardUseCase } from '../modules/rewards/use-cases/save-reward.use-case';
import { SaveCategoryUseCase } from '../modules/categories/use-cases/save-category.use-case';
import { StoresService } from '../modules/stores/stores.service';
import { allStores, demoCards } from './demo.queries';

const DEMO_STORE = 'DEMO-001';

const MEMBERS = [
  { name: '张三', phone: '+8613800138000', email: 'zhangsan@example.com', spendYuan: [128, 64, 5200] },
  { name: '李娜', phone: '+8613900139000', email: 'lina@example.com', spendYuan: [9800, 8800, 3000] },
  { name: 'Anna Smith', phone: '+447700900123', email: 'anna@example.com', spendYuan: [42, 17] },
  { name: '王伟', phone: '+8613700137000', email: null, spendYuan: [] },
];

/**
 * The demo catalog (zh-CN and English): rewards a demo member can exchange at once, a dearer one, and one no demo
 * member has the points for, so the member page shows the catalog, the home strip and a "why not".
 */
/** Names for the category codes the demo's receipts carry, and the niche clubs' usual ones, in both languages. */
export const DEMO_CATEGORIES = [
  { code: 'dairy', nameZh: '乳制品', nameEn: 'Dairy' },
  { code: 'grocery', nameZh: '食品杂货', nameEn: 'Grocery' },
  { code: 'baby', nameZh: '母婴', nameEn: 'Mother & baby' },
  { code: 'wine', nameZh: '酒水', nameEn: 'Wine' },
];

export const DEMO_REWARDS: CreateRewardDto[] = [
  {
    nameZh: '满50减10元券',
    nameEn: '¥10 off a ¥50 receipt',
    descriptionZh: '单笔消费满50元立减10元，全部门店可用。',
    descriptionEn: 'Takes ¥10 off a receipt of ¥50 or more, at every store.',
    kind: 'amount_off',
    valueCents: 1000,
    minSpendCents: 5000,
    validDays: 30,
    pointsPrice: 500,
    stockTotal: 1000,
    perMemberLimit: 5,
  },
  {
    nameZh: '全场9折券',
    nameEn: '10% off everything',
    descriptionZh: '单笔消费满100元可享9折。',
    descriptionEn: '10% off a receipt of ¥100 or more.',
    kind: 'percent_off',
    percentOff: 10,
    minSpendCents: 10000,
    validDays: 14,
    pointsPrice: 800,
    stockTotal: 500,
    perMemberLimit: 2,
  },
  {
    nameZh: '免费中杯拿铁',
    nameEn: 'A free medium latte',
    descriptionZh: '到店出示即可领取一杯中杯拿铁。',
    descriptionEn: 'Show it at the counter for a medium latte on us.',
    kind: 'gift',
    giftSku: 'LATTE-M',
    validDays: 30,
    pointsPrice: 1200,
    stockTotal: 200,
    perMemberLimit: 1,
  },
  {
    nameZh: '满200减50元券',
    nameEn: '¥50 off a ¥200 receipt',
    descriptionZh: '单笔消费满200元立减50元。',
    descriptionEn: 'Takes ¥50 off a receipt of ¥200 or more.',
    kind: 'amount_off',
    valueCents: 5000,
    minSpendCents: 20000,
    validDays: 60,
    pointsPrice: 3000,
    stockTotal: 100,
    perMemberLimit: 1,
  },
  {
    nameZh: '周末酒店住宿一晚',
    nameEn: 'A weekend night at the hotel',
    descriptionZh: '合作酒店周末双人房一晚，需提前预约。',
    descriptionEn: 'One weekend night in a double room at our partner hotel; book ahead.',
    kind: 'gift',
    giftSku: 'HOTEL-NIGHT',
    validDays: 90,
    pointsPrice: 50000,
    stockTotal: 10,
    perMemberLimit: 1,
  },
];

export interface DemoInfo {
  loaded: boolean;
  storeCode: string;
  apiKey: string | null;
  cardNos: string[];
  /** A demo member's phone, to sign in on the member page (/m) with a code from the log channel. */
  memberPhone: string | null;
}

/**
 * Loads a small demo program on an empty database: a store with an API key,
 * members, purchases (one VIP, one SVIP), a rewards catalog. Only the first-look command
 * (npm run demo / --demo) calls this.
 */
export async function loadDemo(app: INestApplicationContext): Promise<DemoInfo> {
  const db = app.get(Transactions).manager;
  const stores = app.get(StoresService);
  const members = app.get(MembersService);
  const purchases = app.get(PostPurchaseUseCase);
  const existing = await allStores(db);
  const demoStore = existing.find((s) => s.code === DEMO_STORE);
  if (existing.length > 0) {
    if (!demoStore) {
      return { loaded: false, storeCode: DEMO_STORE, apiKey: null, cardNos: [], memberPhone: null };
    }
    // The demo ran before: keys are shown once, so hand out a fresh one.
    const { key } = await stores.createApiKey(SYSTEM_ACTOR, demoStore.id);
    const cards = await demoCards(db);
    return { loaded: false, storeCode: DEMO_STORE, apiKey: key, cardNos: cards.map((c) => c.card_no), memberPhone: MEMBERS[0].phone };
  }
  const store = await stores.createStore(SYSTEM_ACTOR, DEMO_STORE, 'Demo Store, Nanjing Road');
  const categories = app.get(SaveCategoryUseCase);
  for (const category of DEMO_CATEGORIES) {
    await categories.create(SYSTEM_ACTOR, category);
  }
  const { key } = await stores.createApiKey(SYSTEM_ACTOR, store.id);
  const cardNos: string[] = [];
  let receipt = 1;
  for (const m of MEMBERS) {
    const { cardNo } = await members.create(SYSTEM_ACTOR, {
      name: m.name,
      phone: m.phone,
      email: m.email,
      consents: { sms: true, email: m.email !== null },
    });
    cardNos.push(cardNo);
    for (const yuan of m.spendYuan) {
      const body = {
        receiptNo: `DEMO-R-${String(receipt++).padStart(4, '0')}`,
        occurredAt: new Date(Date.now() - 86_400_000 * (10 - receipt)),
        lines: [
          { sku: 'MILK-1L', category: 'dairy', quantityMilli: 2000, amountCents: 2590 },
          { sku: 'MISC', category: 'grocery', quantityMilli: 1000, amountCents: yuan * 100 - 2590 },
        ],
        totalCents: yuan * 100,
      };
      await purchases.post({
        storeId: store.id,
        receiptNo: body.receiptNo,
        member: { cardNo },
        occurredAt: body.occurredAt,
        lines: body.lines,
        totalCents: body.totalCents,
        requestHash: requestHash(body),
      });
    }
  }
  const rewards = app.get(SaveRewardUseCase);
  for (const reward of DEMO_REWARDS) {
    await rewards.create(SYSTEM_ACTOR, reward);
  }
  return { loaded: true, storeCode: DEMO_STORE, apiKey: key, cardNos, memberPhone: MEMBERS[0].phone };
}
