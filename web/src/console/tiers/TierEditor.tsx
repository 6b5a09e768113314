import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Switch, Typography } from 'antd';
import { formatMoney } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { benefitsInWords, reachInWords, seatMode, withKind, withSeats, type EditableTier, type TierWords } from './ladder-edit';

/** The words the ladder helpers use, in the page's language. */
export function useTierWords(): { words: TierWords; yuan: (cents: number) => string } {
  const { t, lang } = useI18n();
  return {
    yuan: (cents) => formatMoney(cents, lang),
    words: {
      spend: (yuan) => t('tiers.words.spend', { yuan }),
      points: (n) => t('tiers.words.points', { n }),
      purchases: (n) => t('tiers.words.purchases', { n }),
      any: t('tiers.words.any'),
      all: t('tiers.words.all'),
      topN: (n) => t('tiers.words.topN', { n }),
      topShare: (percent) => t('tiers.words.topShare', { percent }),
      among: (seats, criteria) => t('tiers.words.among', { seats, criteria }),
      entry: t('tiers.words.entry'),
      earns: (x) => t('tiers.words.earns', { x }),
      birthday: (n) => t('tiers.words.birthday', { n }),
      priority: t('tiers.words.priority'),
      separator: t('tiers.words.separator'),
    },
  };
}

/**
 * One tier of the ladder, every field PUT admin/tiers takes; `isNew` tiers may still have their code typed. `canMove`
 * says which way it may move one level as the API allows an order (see ladder-edit canMove).
 */
export function TierEditor({
  tier,
  index,
  isNew,
  editable,
  canMove,
  onChange,
  onRemove,
  onMove,
}: {
  tier: EditableTier;
  index: number;
  isNew: boolean;
  editable: boolean;
  canMove: { higher: boolean; lower: boolean };
  onChange: (tier: EditableTier) => void;
  onRemove: () => void;
  onMove: (direction: 1 | -1) => void;
}) {
  const { t, lang } = useI18n();
  const { words, yuan } = useTierWords();
  const entry = index === 0;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const name = (lang === 'zh-CN' ? tier.nameZh : tier.nameEn) || tier.code;
  const v = { code: name };
  const set = (patch: Partial<EditableTier>) => onChange({ ...tier, ...patch });
  const disabled = !editable;
  const criteria = !entry && (
    <>
      {tier.kind === 'rank' && <Typography.Text type="secondary">{t('tiers.editor.rankMinimum')}</Typography.Text>}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('tiers.minSpendOf', v)}>
            <InputNumber
              aria-label={t('tiers.minSpendOf', v)}
              min={0}
              precision={2}
              style={{ width: '100%' }}
              disabled={disabled}
              value={tier.minSpendCents === null ? null : tier.minSpendCents / 100}
              onChange={(x) => set({ minSpendCents: x === null ? null : Math.round(x * 100) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('tiers.editor.minPointsOf', v)}>
            <InputNumber
              aria-label={t('tiers.editor.minPointsOf', v)}
              min={0}
              precision={0}
              style={{ width: '100%' }}
              disabled={disabled}
              value={tier.minPoints}
              onChange={(x) => set({ minPoints: x })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('tiers.editor.minPurchasesOf', v)}>
            <InputNumber
              aria-label={t('tiers.editor.minPurchasesOf', v)}
              min={0}
              precision={0}
              style={{ width: '100%' }}
              disabled={disabled}
              value={tier.minPurchases}
              onChange={(x) => set({ minPurchases: x })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('tiers.editor.qualifyMode', v)}>
        <Radio.Group
          aria-label={t('tiers.editor.qualifyMode', v)}
          disabled={disabled}
          value={tier.qualifyMode}
          onChange={(e) => set({ qualifyMode: e.target.value as 'any' | 'all' })}
          options={[
            { value: 'any', label: t('tiers.editor.any') },
            { value: 'all', label: t('tiers.editor.all') },
          ]}
        />
      </Form.Item>
    </>
  );
  return (
    <Card
      size="small"
      data-testid={`tier-${tier.code}`}
      title={`${index + 1}. ${name}`}
      extra={
        editable &&
        !entry && (
          <Space size={4}>
            {/* The list shows the lowest tier first: up the list is a level lower. */}
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('tiers.editor.moveLower', v)}
              title={t('tiers.editor.moveLower', v)}
              disabled={!canMove.lower}
              onClick={() => onMove(-1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('tiers.editor.moveHigher', v)}
              title={t('tiers.editor.moveHigher', v)}
              disabled={!canMove.higher}
              onClick={() => onMove(1)}
            />
            <Button danger size="small" onClick={onRemove}>
              {t('tiers.editor.remove', v)}
            </Button>
          </Space>
        )
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {isNew && (
            <Col xs={24} md={6}>
              <Form.Item label={t('tiers.editor.code')}>
                <Input
                  aria-label={t('tiers.editor.code')}
                  value={tier.code}
                  disabled={disabled}
                  onChange={(e) => set({ code: e.target.value.toUpperCase() })}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={isNew ? 6 : 8}>
            <Form.Item label={t('tiers.editor.nameZh', v)}>
              <Input
                aria-label={t('tiers.editor.nameZh', v)}
                value={tier.nameZh}
                disabled={disabled}
                onChange={(e) => set({ nameZh: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={isNew ? 6 : 8}>
            <Form.Item label={t('tiers.editor.nameEn', v)}>
              <Input
                aria-label={t('tiers.editor.nameEn', v)}
                value={tier.nameEn}
                disabled={disabled}
                onChange={(e) => set({ nameEn: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={isNew ? 6 : 8}>
            <Form.Item label={t('tiers.editor.kind', v)}>
              {entry ? (
                <Typography.Text type="secondary">{t('tiers.editor.entry')}</Typography.Text>
              ) : (
                <Radio.Group
                  aria-label={t('tiers.editor.kind', v)}
                  disabled={disabled}
                  value={tier.kind}
                  onChange={(e) => onChange(withKind(tier, e.target.value as 'threshold' | 'rank'))}
                  options={[
                    { value: 'threshold', label: t('tiers.editor.kind.threshold') },
                    { value: 'rank', label: t('tiers.editor.kind.rank') },
                  ]}
                />
              )}
            </Form.Item>
          </Col>
        </Row>
        {tier.kind === 'rank' && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('tiers.editor.seatMode', v)}>
                <Radio.Group
                  aria-label={t('tiers.editor.seatMode', v)}
                  disabled={disabled}
                  value={seatMode(tier)}
                  onChange={(e) => onChange(withSeats(tier, e.target.value as 'topN' | 'permille', tier.rankTopN ?? tier.rankTopPermille))}
                  options={[
                    { value: 'topN', label: t('tiers.editor.seats.topN') },
                    { value: 'permille', label: t('tiers.editor.seats.permille') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('tiers.editor.seatsOf', v)}>
                <InputNumber
                  aria-label={t('tiers.editor.seatsOf', v)}
                  min={1}
                  max={seatMode(tier) === 'permille' ? 1000 : 100_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  disabled={disabled}
                  value={tier.rankTopN ?? tier.rankTopPermille}
                  onChange={(x) => onChange(withSeats(tier, seatMode(tier), x))}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        {criteria}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('tiers.editor.multiplierOf', v)}>
              <InputNumber
                aria-label={t('tiers.editor.multiplierOf', v)}
                min={1}
                max={10}
                step={0.1}
                style={{ width: '100%' }}
                disabled={disabled}
                value={tier.earnMultiplierPermille / 1000}
                onChange={(x) => set({ earnMultiplierPermille: Math.round((x ?? 1) * 1000) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('tiers.editor.birthdayOf', v)}>
              <InputNumber
                aria-label={t('tiers.editor.birthdayOf', v)}
                min={0}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                disabled={disabled}
                value={tier.birthdayBonusPoints}
                onChange={(x) => set({ birthdayBonusPoints: x ?? 0 })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('tiers.editor.priorityOf', v)}>
              <Switch
                aria-label={t('tiers.editor.priorityOf', v)}
                disabled={disabled}
                checked={tier.priorityService}
                onChange={(x) => set({ priorityService: x })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid={`tier-words-${tier.code}`}>
        <Typography.Text strong>
          {t('tiers.editor.reach')}
          {colon}
        </Typography.Text>
        {reachInWords(tier, index, words, yuan)}
        <br />
        <Typography.Text strong>
          {t('tiers.editor.benefits')}
          {colon}
        </Typography.Text>
        {benefitsInWords(tier, words)}
      </Typography.Paragraph>
    </Card>
  );
}
