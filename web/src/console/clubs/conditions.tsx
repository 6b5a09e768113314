import { InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { Schemas } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { CategorySelect } from '../names/CategorySelect';

/**
 * The rule of an automatic club and its conditions, as the server publishes them (ClubRuleModel, a oneOf by type,
 * from src/modules/clubs/conditions). Their words come from the server too (clubs/rules/explain, ClubResponse.ruleText).
 */
export type ClubRule = Schemas['ClubRuleModel'];
export type ClubCondition = ClubRule['conditions'][number];
export type ConditionType = ClubCondition['type'];
type ConditionOf<K extends ConditionType> = Extract<ClubCondition, { type: K }>;
type Gender = ConditionOf<'gender'>['genders'][number];

/** What the rule builder knows of one kind of condition: the values a marketer starts from, when it can be sent, its fields. */
interface ConditionKind<C extends ClubCondition> {
  blank: C;
  /** False while a field the server requires is still empty (the server checks again and names each field). */
  complete(c: C): boolean;
  Fields(props: { condition: C; onChange: (c: C) => void }): ReactNode;
}

const GENDERS: Record<Gender, true> = { female: true, male: true, other: true, undisclosed: true };

/** One entry per kind the server publishes (a kind the schema gains and this map lacks fails the typecheck). */
export const CONDITION_KINDS: { [K in ConditionType]: ConditionKind<ConditionOf<K>> } = {
  categoryPurchases: {
    blank: { type: 'categoryPurchases', categories: [], minPurchases: 1, days: 90 },
    complete: (c) => c.categories.length > 0,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return (
        <>
          <CategorySelect label={t('rule.categories')} value={c.categories} onChange={(categories) => onChange({ ...c, categories })} />
          <InputNumber
            aria-label={t('rule.minPurchases')}
            prefix={t('rule.minPurchases')}
            min={1}
            max={1000}
            style={{ minWidth: 200 }}
            value={c.minPurchases}
            onChange={(n) => onChange({ ...c, minPurchases: n ?? 1 })}
          />
          <Days value={c.days} onChange={(days) => onChange({ ...c, days })} />
        </>
      );
    },
  },
  categorySpend: {
    blank: { type: 'categorySpend', categories: [], minSpendCents: 100_00, days: 90 },
    complete: (c) => c.categories.length > 0,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return (
        <>
          <CategorySelect label={t('rule.categories')} value={c.categories} onChange={(categories) => onChange({ ...c, categories })} />
          <InputNumber
            aria-label={t('rule.minSpendYuan')}
            prefix={t('rule.minSpendYuan')}
            min={0}
            precision={2}
            style={{ minWidth: 200 }}
            value={c.minSpendCents / 100}
            onChange={(n) => onChange({ ...c, minSpendCents: Math.round((n ?? 0) * 100) })}
          />
          <Days value={c.days} onChange={(days) => onChange({ ...c, days })} />
        </>
      );
    },
  },
  birthdayMonth: {
    blank: { type: 'birthdayMonth', months: [] },
    complete: (c) => c.months.length > 0,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return (
        <Pick
          label={t('rule.months')}
          values={c.months}
          onChange={(months) => onChange({ ...c, months })}
          options={Array.from({ length: 12 }, (_, m) => ({ value: m + 1, label: t('rule.month', { m: m + 1 }) }))}
        />
      );
    },
  },
  city: {
    blank: { type: 'city', cities: [] },
    complete: (c) => c.cities.length > 0,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return <Tags label={t('rule.cities')} values={c.cities} onChange={(cities) => onChange({ ...c, cities })} />;
    },
  },
  ageRange: {
    blank: { type: 'ageRange', minAge: null, maxAge: null },
    complete: (c) => (c.minAge ?? null) !== null || (c.maxAge ?? null) !== null,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return (
        <>
          <Age label={t('rule.minAge')} value={c.minAge} onChange={(minAge) => onChange({ ...c, minAge })} />
          <Age label={t('rule.maxAge')} value={c.maxAge} onChange={(maxAge) => onChange({ ...c, maxAge })} />
        </>
      );
    },
  },
  gender: {
    blank: { type: 'gender', genders: [] },
    complete: (c) => c.genders.length > 0,
    Fields({ condition: c, onChange }) {
      const { t } = useI18n();
      return (
        <Pick
          label={t('rule.genders')}
          values={c.genders}
          onChange={(genders) => onChange({ ...c, genders })}
          options={(Object.keys(GENDERS) as Gender[]).map((g) => ({ value: g, label: t(`gender.${g}`) }))}
        />
      );
    },
  },
};

export const CONDITION_TYPES = Object.keys(CONDITION_KINDS) as ConditionType[];

/** The kind of a type of condition (the map's value for it). */
export function kindOf<K extends ConditionType>(type: K): ConditionKind<ConditionOf<K>> {
  return CONDITION_KINDS[type];
}

/** A new condition of a type, with values a marketer would start from. */
export const blankCondition = (type: ConditionType): ClubCondition => structuredClone(CONDITION_KINDS[type].blank);

/** The conditions still missing a value before the rule can be sent. */
export const incompleteConditions = (rule: ClubRule): number[] =>
  rule.conditions.flatMap((c, i) => (kindOf(c.type).complete(c) ? [] : [i]));

function Tags({ label, values, onChange }: { label: string; values: string[]; onChange: (v: string[]) => void }) {
  return (
    <Select
      mode="tags"
      aria-label={label}
      placeholder={label}
      value={values}
      style={{ minWidth: 220 }}
      onChange={(v: string[]) => onChange(v)}
      tokenSeparators={[',', '，']}
      open={false}
    />
  );
}

/** A choice of several values from a fixed list (months, genders). */
function Pick<V extends string | number>(props: {
  label: string;
  values: V[];
  onChange: (v: V[]) => void;
  options: Array<{ value: V; label: string }>;
}) {
  return (
    <Select
      mode="multiple"
      aria-label={props.label}
      placeholder={props.label}
      value={props.values}
      style={{ minWidth: 220 }}
      onChange={(v: V[]) => props.onChange(v)}
      options={props.options}
    />
  );
}

/** One end of an age range (empty: open on that side). */
function Age({ label, value, onChange }: { label: string; value: number | null | undefined; onChange: (n: number | null) => void }) {
  return (
    <InputNumber
      style={{ minWidth: 180 }}
      aria-label={label}
      prefix={label}
      min={0}
      max={130}
      value={value}
      onChange={(n) => onChange(n)}
    />
  );
}

function Days({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useI18n();
  return (
    <InputNumber
      style={{ minWidth: 160 }}
      aria-label={t('rule.days')}
      prefix={t('rule.days')}
      min={1}
      max={730}
      value={value}
      onChange={(n) => onChange(n ?? 1)}
    />
  );
}
