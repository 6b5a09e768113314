import { Checkbox, Input, Select, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useAllClubs } from '../../clubs/queries';
import { useLadder } from '../../tiers/queries';
import { StepFields, type StepProps } from './StepFields';

/** The name and who receives the campaign: members of any of the clubs, or of any of the tiers (one field per kind of audience part). */
export function AudienceStep({ draft, set }: StepProps) {
  const { t, lang } = useI18n();
  const clubs = useAllClubs();
  const tiers = useLadder();
  return (
    <StepFields>
      <label>
        {t('common.name')}
        <Input value={draft.name} onChange={(e) => set({ name: e.target.value })} aria-label={t('common.name')} />
      </label>
      <label>
        {t('campaigns.clubs')}
        <Select
          mode="multiple"
          aria-label={t('campaigns.clubs')}
          style={{ width: '100%' }}
          value={draft.clubIds}
          onChange={(clubIds: string[]) => set({ clubIds })}
          optionFilterProp="label"
          options={(clubs.data?.clubs ?? []).map((c) => ({
            value: c.clubId,
            label: `${c.code} · ${lang === 'zh-CN' ? c.nameZh : c.nameEn}`,
          }))}
        />
      </label>
      <div>
        <Typography.Text id="campaign-tiers">{t('campaigns.tiers')}</Typography.Text>
        <div>
          <Checkbox.Group
            aria-labelledby="campaign-tiers"
            value={draft.tierCodes}
            onChange={(v) => set({ tierCodes: v })}
            options={(tiers.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: tier.code }))}
          />
        </div>
      </div>
    </StepFields>
  );
}
