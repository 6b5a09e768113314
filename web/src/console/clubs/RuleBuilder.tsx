import { Button, Card, Select, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { blankCondition, CONDITION_TYPES, kindOf, type ClubCondition, type ClubRule, type ConditionType } from './conditions';

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

/** A condition's own fields, from its kind (conditions.tsx). */
function ConditionFields({ condition, onChange }: { condition: ClubCondition; onChange: (c: ClubCondition) => void }) {
  const { Fields } = kindOf(condition.type);
  return <Fields condition={condition} onChange={onChange} />;
}
