import { Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n';
import { useCatalog } from '../categories/queries';
import { categoryOptions, matchesCategory, type CategoryOption } from './names';

interface Common {
  label: string;
  /** For the browser test and screen readers: the field's own test id. */
  testId?: string;
}

function useOptions(chosen: readonly string[]) {
  const { lang } = useI18n();
  const catalog = useCatalog();
  const options = useMemo(() => categoryOptions(catalog.data ?? [], chosen, lang), [catalog.data, chosen, lang]);
  return { options, loading: catalog.isPending };
}

/** An option as the list shows it: the name, with the code beside it (or "not in the catalog"). */
function OptionLabel({ option }: { option: CategoryOption }) {
  const { t } = useI18n();
  return (
    <Space size={6}>
      <span>{option.label}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {option.named ? option.value : t('categories.unnamed')}
      </Typography.Text>
    </Space>
  );
}

const search = { filterOption: (typed: string, option?: CategoryOption) => matchesCategory(typed, option) };

/** Categories picked by name from the catalog, with search over both names and the code (club rules, excluded categories). */
export function CategorySelect({ label, value, onChange, testId }: Common & { value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useI18n();
  const { options, loading } = useOptions(value);
  return (
    <Select<string[], CategoryOption>
      mode="multiple"
      aria-label={label}
      placeholder={t('categories.pick')}
      value={value}
      loading={loading}
      style={{ minWidth: 260 }}
      onChange={(codes) => onChange(codes)}
      options={options}
      optionRender={(o) => <OptionLabel option={o.data} />}
      showSearch={search}
      notFoundContent={t('categories.pickerEmpty')}
      data-testid={testId}
    />
  );
}

/** One category picked by name (a bonus rule's category multiplier). */
export function CategoryPicker({
  label,
  value,
  onChange,
  testId,
}: Common & { value: string | undefined; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const chosen = useMemo(() => (value ? [value] : []), [value]);
  const { options, loading } = useOptions(chosen);
  return (
    <Select<string, CategoryOption>
      aria-label={label}
      placeholder={t('categories.pick')}
      value={value}
      loading={loading}
      style={{ minWidth: 220 }}
      onChange={(code) => onChange(code)}
      options={options}
      optionRender={(o) => <OptionLabel option={o.data} />}
      showSearch={search}
      notFoundContent={t('categories.pickerEmpty')}
      data-testid={testId}
    />
  );
}
