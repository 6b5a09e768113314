import { Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { blankCondition, CONDITION_TYPES, type ClubCondition, type ClubRule, type ConditionType, type Gender } from './rule';

const GENDERS: Gender[] = ['female', 'male', 'other', 'undisclosed'];

/** Edits a club rule: all/any over conditions, each with its own fields. The words and the size are shown by the caller. */
export function RuleBuilder({ value, onChange }: { value: ClubRule; onChange: (rule: ClubRule) => void }) {
  const { t } = useI18n();
  const setCondition = (i: number, c: ClubCondition) =>
    onChange({ ...value, conditions: value.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text id="rule-combine-label">{t('rule.combine')}</Typography.Text>
        <Select
          aria-labelledby="rule-combine-label"
          value={value.combine}
          style={{ minWidth: 220 }}
          onChange={(combine) => onChange({ ...value, combine })}
          options={[
            { value: 'all', label: t('rule.combine.all') },
            { value: 'any', label: t('rule.combine.any') },
          ]}
        />
      </Space>
      {value.conditions.map((c, i) => (
        <Card
          key={i}
          size="small"
          title={t('rule.condition', { n: i + 1 })}
          extra={
            <Button size="small" danger onClick={() => onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) })}>
              {t('rule.remove')}
            </Button>
          }
        >
          <Space wrap align="center">
            <Select
              aria-label={t('rule.type')}
              value={c.type}
              style={{ minWidth: 220 }}
              onChange={(type: ConditionType) => setCondition(i, blankCondition(type))}
              options={CONDITION_TYPES.map((type) => ({ value: type, label: t(`rule.type.${type}`) }))}
            />
            <ConditionFields condition={c} onChange={(next) => setCondition(i, next)} />
          </Space>
        </Card>
      ))}
      <Button
        onClick={() => onChange({ ...value, conditions: [...value.conditions, blankCondition('categoryPurchases')] })}
        disabled={value.conditions.length >= 10}
      >
        {t('rule.add')}
      </Button>
    </Space>
  );
}

function ConditionFields({ condition: c, onChange }: { condition: ClubCondition; onChange: (c: ClubCondition) => void }) {
  const { t } = useI18n();
  const tags = (label: string, values: string[], set: (v: string[]) => void) => (
    <Select
      mode="tags"
      aria-label={label}
      placeholder={label}
      value={values}
      style={{ minWidth: 220 }}
      onChange={(v: string[]) => set(v)}
      tokenSeparators={[',', '，']}
      open={false}
    />
  );
  const days = (value: number, set: (n: number) => void) => (
    <InputNumber
      style={{ minWidth: 160 }}
      aria-label={t('rule.days')}
      prefix={t('rule.days')}
      min={1}
      max={730}
      value={value}
      onChange={(n) => set(n ?? 1)}
    />
  );
  switch (c.type) {
    case 'categoryPurchases':
      return (
        <>
          {tags(t('rule.categories'), c.categories, (categories) => onChange({ ...c, categories }))}
          <InputNumber
            aria-label={t('rule.minPurchases')}
            prefix={t('rule.minPurchases')}
            min={1}
            max={1000}
            style={{ minWidth: 200 }}
            value={c.minPurchases}
            onChange={(n) => onChange({ ...c, minPurchases: n ?? 1 })}
          />
          {days(c.days, (n) => onChange({ ...c, days: n }))}
        </>
      );
    case 'categorySpend':
      return (
        <>
          {tags(t('rule.categories'), c.categories, (categories) => onChange({ ...c, categories }))}
          <InputNumber
            aria-label={t('rule.minSpendYuan')}
            prefix={t('rule.minSpendYuan')}
            min={0}
            precision={2}
            style={{ minWidth: 200 }}
            value={c.minSpendCents / 100}
            onChange={(n) => onChange({ ...c, minSpendCents: Math.round((n ?? 0) * 100) })}
          />
          {days(c.days, (n) => onChange({ ...c, days: n }))}
        </>
      );
    case 'birthdayMonth':
      return (
        <Select
          mode="multiple"
          aria-label={t('rule.months')}
          placeholder={t('rule.months')}
          value={c.months}
          style={{ minWidth: 220 }}
          onChange={(months: number[]) => onChange({ ...c, months })}
          options={Array.from({ length: 12 }, (_, m) => ({ value: m + 1, label: t('rule.month', { m: m + 1 }) }))}
        />
      );
    case 'city':
      return tags(t('rule.cities'), c.cities, (cities) => onChange({ ...c, cities }));
    case 'ageRange':
      return (
        <>
          <InputNumber
            style={{ minWidth: 180 }}
            aria-label={t('rule.minAge')}
            prefix={t('rule.minAge')}
            min={0}
            max={130}
            value={c.minAge}
            onChange={(n) => onChange({ ...c, minAge: n })}
          />
          <InputNumber
            style={{ minWidth: 180 }}
            aria-label={t('rule.maxAge')}
            prefix={t('rule.maxAge')}
            min={0}
            max={130}
            value={c.maxAge}
            onChange={(n) => onChange({ ...c, maxAge: n })}
          />
        </>
      );
    case 'gender':
      return (
        <Select
          mode="multiple"
          aria-label={t('rule.genders')}
          placeholder={t('rule.genders')}
          value={c.genders}
          style={{ minWidth: 220 }}
          onChange={(genders: Gender[]) => onChange({ ...c, genders })}
          options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
        />
      );
  }
}
