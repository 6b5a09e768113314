import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { parseYuan } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAllClubs } from '../clubs/queries';
import { useLadder } from '../tiers/queries';
import { useSaveReward, useStoreOptions, type Reward, type RewardInput } from './queries';
import { valueInWords } from './terms';

type Kind = RewardInput['kind'];
type Window = [Dayjs | null, Dayjs | null] | null;

/** The form's fields: money as yuan text (no floats), windows as dates, "empty" meaning unlimited / everyone. */
interface Values {
  nameZh: string;
  nameEn: string;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  imageUrl?: string | null;
  kind: Kind;
  valueYuan?: string | null;
  percentOff?: number | null;
  giftSku?: string | null;
  minSpendYuan?: string | null;
  validity: 'days' | 'window';
  validDays?: number | null;
  validWindow?: Window;
  storeIds?: string[];
  inCatalog: boolean;
  pointsPrice?: number | null;
  stockTotal?: number | null;
  perMemberLimit?: number | null;
  eligibleTiers?: string[];
  eligibleClubs?: string[];
  saleWindow?: Window;
}

const yuanText = (cents: number | null) => (cents === null ? null : String(cents / 100));
const at = (iso: string | null) => (iso ? dayjs(iso) : null);
/** An instant with the browser's offset, e.g. 2026-12-01T00:00:00+08:00 (the API wants the offset). */
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DDTHH:mm:ssZ') : null);
const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
const list = (codes: string[] | undefined) => (codes && codes.length > 0 ? codes : null);

function initialValues(r: Reward | null): Values {
  if (!r) {
    return { nameZh: '', nameEn: '', kind: 'amount_off', validity: 'days', validDays: 30, inCatalog: true, minSpendYuan: '0' };
  }
  return {
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    imageUrl: r.imageUrl,
    kind: r.kind,
    valueYuan: yuanText(r.valueCents),
    percentOff: r.percentOff,
    giftSku: r.giftSku,
    minSpendYuan: yuanText(r.minSpendCents),
    validity: r.validDays === null ? 'window' : 'days',
    validDays: r.validDays,
    validWindow: r.validDays === null ? [at(r.validFrom), at(r.validUntil)] : null,
    storeIds: r.storeIds ?? [],
    inCatalog: r.pointsPrice !== null,
    pointsPrice: r.pointsPrice,
    stockTotal: r.stockTotal,
    perMemberLimit: r.perMemberLimit,
    eligibleTiers: r.eligibleTiers ?? [],
    eligibleClubs: r.eligibleClubs ?? [],
    saleWindow: r.saleStartsAt || r.saleEndsAt ? [at(r.saleStartsAt), at(r.saleEndsAt)] : null,
  };
}

/** The request body: every field of the admin route, cents from yuan text, null for "none" (so an edit clears it). */
export function rewardBody(v: Values, timezone = 'Asia/Shanghai'): RewardInput {
  const byDays = v.validity === 'days';
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    descriptionZh: blank(v.descriptionZh),
    descriptionEn: blank(v.descriptionEn),
    imageUrl: blank(v.imageUrl),
    kind: v.kind,
    valueCents: v.kind === 'amount_off' ? parseYuan(v.valueYuan ?? '') : null,
    percentOff: v.kind === 'percent_off' ? (v.percentOff ?? null) : null,
    giftSku: v.kind === 'gift' ? blank(v.giftSku) : null,
    minSpendCents: parseYuan(v.minSpendYuan ?? '') ?? 0,
    timezone,
    validDays: byDays ? (v.validDays ?? 0) : null,
    validFrom: byDays ? null : iso(v.validWindow?.[0]),
    validUntil: byDays ? null : iso(v.validWindow?.[1]),
    storeIds: list(v.storeIds),
    pointsPrice: v.inCatalog ? (v.pointsPrice ?? null) : null,
    stockTotal: v.stockTotal ?? null,
    perMemberLimit: v.perMemberLimit ?? null,
    eligibleTiers: list(v.eligibleTiers),
    eligibleClubs: list(v.eligibleClubs),
    saleStartsAt: v.inCatalog ? iso(v.saleWindow?.[0]) : null,
    saleEndsAt: v.inCatalog ? iso(v.saleWindow?.[1]) : null,
  };
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;

/** Every field of a reward (admin/rewards), grouped as a marketer thinks of them; stores, tiers and clubs picked by name. */
export function RewardForm({ reward, onSaved }: { reward: Reward | null; onSaved: (reward: Reward) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveReward(reward?.rewardId ?? null, onSaved);
  const stores = useStoreOptions();
  const tiers = useLadder();
  const clubs = useAllClubs();
  const kind = Form.useWatch('kind', form) ?? reward?.kind ?? 'amount_off';
  const validity = Form.useWatch('validity', form) ?? 'days';
  const inCatalog = Form.useWatch('inCatalog', form) ?? true;
  const watched = Form.useWatch([], form);
  const preview = watched ? rewardBody({ ...initialValues(null), ...watched }) : null;
  const previewText =
    preview && (preview.valueCents || preview.percentOff || preview.giftSku)
      ? valueInWords(
          {
            ...preview,
            valueCents: preview.valueCents ?? null,
            percentOff: preview.percentOff ?? null,
            giftSku: preview.giftSku ?? null,
            minSpendCents: preview.minSpendCents ?? 0,
          },
          lang,
        )
      : null;
  const section = (key: Parameters<typeof t>[0]) => (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {t(key)}
    </Typography.Title>
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues(reward)}
      onFinish={(v) => save.mutate(rewardBody(v, reward?.timezone))}
    >
      {section('rewards.section.names')}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('rewards.nameZh')}
            name="nameZh"
            rules={[{ required: true, whitespace: true, max: 100, message: t('rewards.nameMissing') }]}
          >
            <Input placeholder="满100减20" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('rewards.nameEn')}
            name="nameEn"
            rules={[{ required: true, whitespace: true, max: 100, message: t('rewards.nameMissing') }]}
          >
            <Input placeholder="¥20 off over ¥100" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('rewards.descriptionZh')} name="descriptionZh" rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('rewards.descriptionEn')} name="descriptionEn" rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('rewards.imageUrl')} name="imageUrl" rules={[{ type: 'url', max: 500, message: t('rewards.imageUrlRule') }]}>
        <Input placeholder="https://…" />
      </Form.Item>

      {section('rewards.section.value')}
      <Form.Item label={t('rewards.kind')} name="kind">
        <Radio.Group
          optionType="button"
          options={(['amount_off', 'percent_off', 'gift'] as const).map((k) => ({ value: k, label: t(`rewards.kind.${k}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {kind === 'amount_off' && (
            <Form.Item
              label={t('rewards.valueYuan')}
              name="valueYuan"
              rules={[{ required: true, pattern: MONEY, message: t('rewards.moneyRule') }]}
            >
              <InputNumber<string> stringMode min="0.01" precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          )}
          {kind === 'percent_off' && (
            <Form.Item label={t('rewards.percentOff')} name="percentOff" rules={[{ required: true, message: t('rewards.percentRule') }]}>
              <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          )}
          {kind === 'gift' && (
            <Form.Item label={t('rewards.giftSku')} name="giftSku" rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('rewards.minSpendYuan')}
            name="minSpendYuan"
            rules={[{ pattern: MONEY, message: t('rewards.moneyRule') }]}
            extra={t('rewards.minSpendHint')}
          >
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {previewText && (
        <Alert
          type="info"
          showIcon
          data-testid="reward-value-words"
          title={t('rewards.valuePreview', { words: previewText })}
          style={{ marginBottom: 16 }}
        />
      )}

      {section('rewards.section.validity')}
      <Form.Item name="validity">
        <Radio.Group
          options={[
            { value: 'days', label: t('rewards.validity.days') },
            { value: 'window', label: t('rewards.validity.window') },
          ]}
        />
      </Form.Item>
      {validity === 'days' ? (
        <Form.Item label={t('rewards.validDays')} name="validDays" rules={[{ required: true }]} extra={t('rewards.validDaysHint')}>
          <InputNumber min={0} max={3650} precision={0} suffix={t('rewards.days')} style={{ width: 200 }} />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('rewards.validWindow')}
          name="validWindow"
          rules={[
            {
              required: true,
              validator: (_, v: Window) => (v?.[0] && v?.[1] ? Promise.resolve() : Promise.reject(new Error(t('rewards.windowRule')))),
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      )}

      {section('rewards.section.where')}
      <Form.Item label={t('rewards.stores')} name="storeIds" extra={t('rewards.storesHint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('rewards.allStores')}
          loading={stores.isPending}
          optionFilterProp="label"
          options={(stores.data ?? []).map((s) => ({ value: s.storeId, label: s.name }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('rewards.tiers')} name="eligibleTiers">
            <Select
              mode="multiple"
              allowClear
              placeholder={t('rewards.everyTier')}
              loading={tiers.isPending}
              optionFilterProp="label"
              options={(tiers.data?.tiers ?? []).map((x) => ({ value: x.code, label: lang === 'zh-CN' ? x.nameZh : x.nameEn }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('rewards.clubs')} name="eligibleClubs" extra={t('rewards.clubsHint')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('rewards.noClubNeeded')}
              loading={clubs.isPending}
              optionFilterProp="label"
              options={(clubs.data?.clubs ?? [])
                .filter((c) => c.status === 'active')
                .map((c) => ({ value: c.code, label: lang === 'zh-CN' ? c.nameZh : c.nameEn }))}
            />
          </Form.Item>
        </Col>
      </Row>

      {section('rewards.section.catalog')}
      <Form.Item
        label={t('rewards.inCatalog')}
        name="inCatalog"
        valuePropName="checked"
        extra={inCatalog ? undefined : t('rewards.templateHint')}
      >
        <Switch />
      </Form.Item>
      <Row gutter={16}>
        {inCatalog && (
          <Col xs={24} md={8}>
            <Form.Item label={t('rewards.pointsPrice')} name="pointsPrice" rules={[{ required: true, message: t('rewards.priceRule') }]}>
              <InputNumber min={0} max={100_000_000} precision={0} suffix={t('rewards.pointsUnit')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item label={t('rewards.stockTotal')} name="stockTotal" extra={reward ? t('rewards.stockEditHint') : undefined}>
            <InputNumber min={0} max={100_000_000} precision={0} placeholder={t('rewards.unlimited')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('rewards.perMemberLimit')} name="perMemberLimit">
            <InputNumber min={1} max={10_000} precision={0} placeholder={t('rewards.noLimit')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {inCatalog && (
        <Form.Item label={t('rewards.saleWindow')} name="saleWindow" extra={t('rewards.saleWindowHint')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
      )}
      {save.error && <Alert type="error" role="alert" title={save.error.message} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {reward ? t('common.save') : t('rewards.create')}
      </Button>
    </Form>
  );
}
