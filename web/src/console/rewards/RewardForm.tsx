import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { useAllClubs } from '../clubs/queries';
import { useLadder } from '../tiers/queries';
import { initialValues, rewardBody, type Values, type Window } from './form-values';
import { useSaveReward, useStoreOptions, type Reward } from './queries';
import { valueInWords } from './terms';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

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
    <Form<Values> form={form} layout="vertical" initialValues={initialValues(reward)} onFinish={(v) => save.mutate(rewardBody(v))}>
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
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('rewards.validDays')} name="validDays" rules={[{ required: true }]} extra={t('rewards.validDaysHint')}>
              <InputNumber min={0} max={3650} precision={0} suffix={t('rewards.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('rewards.timezone')} name="timezone" rules={[{ required: true }]} extra={t('rewards.timezoneHint')}>
              <Select showSearch options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
            </Form.Item>
          </Col>
        </Row>
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
