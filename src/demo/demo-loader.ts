import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requestHash } from '../common/canonical-json';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { MembersService } from '../modules/members/members.service';
import { PostPurchaseUseCase } from '../modules/points/use-cases/post-purchase/post-purchase.use-case';
import { StoresService } from '../modules/stores/stores.service';

const DEMO_STORE = 'DEMO-001';

const MEMBERS = [
  { name: '张三', phone: '+8613800138000', email: 'zhangsan@example.com', spendYuan: [128, 64, 5200] },
  { name: '李娜', phone: '+8613900139000', email: 'lina@example.com', spendYuan: [9800, 8800, 3000] },
  { name: 'Anna Smith', phone: '+447700900123', email: 'anna@example.com', spendYuan: [42, 17] },
  { name: '王伟', phone: '+8613700137000', email: null, spendYuan: [] },
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
 * members, purchases (one VIP, one SVIP). Only the first-look command
 * (npm run demo / --demo) calls this.
 */
export async function loadDemo(app: INestApplicationContext): Promise<DemoInfo> {
  const dataSource = app.get(DataSource);
  const stores = app.get(StoresService);
  const members = app.get(MembersService);
  const purchases = app.get(PostPurchaseUseCase);
  const existing: Array<{ id: string; code: string }> = await dataSource.query('SELECT id, code FROM stores');
  const demoStore = existing.find((s) => s.code === DEMO_STORE);
  if (existing.length > 0) {
    if (!demoStore) {
      return { loaded: false, storeCode: DEMO_STORE, apiKey: null, cardNos: [], memberPhone: null };
    }
    // The demo ran before: keys are shown once, so hand out a fresh one.
    const { key } = await stores.createApiKey(SYSTEM_ACTOR, demoStore.id);
    const cards: Array<{ card_no: string }> = await dataSource.query(
      "SELECT c.card_no FROM cards c JOIN members m ON m.id = c.member_id WHERE m.phone IS NOT NULL AND c.status = 'active' ORDER BY m.created_at LIMIT 4",
    );
    return { loaded: false, storeCode: DEMO_STORE, apiKey: key, cardNos: cards.map((c) => c.card_no), memberPhone: MEMBERS[0].phone };
  }
  const store = await stores.createStore(SYSTEM_ACTOR, DEMO_STORE, 'Demo Store, Nanjing Road');
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
  return { loaded: true, storeCode: DEMO_STORE, apiKey: key, cardNos, memberPhone: MEMBERS[0].phone };
}
