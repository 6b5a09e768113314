import { Alert, Card, Checkbox, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useI18n, type Lang } from '../../../shared/i18n';
import { SEGMENTS } from '../../analytics/rfm-segments';
import { useAllClubs, type Club } from '../../clubs/queries';
import { useLadder } from '../../tiers/queries';
import { StepFields, type StepProps } from './StepFields';
import { audienceWords, type Draft, type RfmSegmentKey } from './draft';

const clubOptions = (clubs: Club[] | undefined, lang: Lang) =>
  (clubs ?? []).map((c) => ({ value: c.clubId, label: `${lang === 'zh-CN' ? c.nameZh : c.nameEn} · ${c.code}` }));

/** The RFM segments by name (the analytics page's), in its order. */
const segmentOptions = (t: ReturnType<typeof useI18n>['t']) => SEGMENTS.map((s) => ({ value: s.key, label: t(s.label) }));

/**
 * The name and who receives the campaign: members of any of the clubs, of any of the tiers, in any of the RFM
 * segments, combined by OR (the default) or AND, said back in words; and who is left out (clubs, tiers, segments,
 * dormant or newly joined members).
 */
export function AudienceStep({ draft, set }: StepProps) {
  const { t, lang } = useI18n();
  const clubs = useAllClubs();
  const tiers = useLadder();
  const tierOptions = (tiers.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: lang === 'zh-CN' ? tier.nameZh : tier.nameEn }));
  const both = [draft.clubIds, draft.tierCodes, draft.rfmSegments].filter((x) => x.length > 0).length > 1;
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
          options={clubOptions(clubs.data?.clubs, lang)}
        />
      </label>
      <div>
        <Typography.Text id="campaign-tiers">{t('campaigns.tiers')}</Typography.Text>
        <div>
          <Checkbox.Group
            aria-labelledby="campaign-tiers"
            value={draft.tierCodes}
            onChange={(v) => set({ tierCodes: v })}
            options={tierOptions}
          />
        </div>
      </div>
      <label>
        {t('campaigns.rfmSegments')}
        <Select
          mode="multiple"
          aria-label={t('campaigns.rfmSegments')}
          style={{ width: '100%' }}
          value={draft.rfmSegments}
          onChange={(rfmSegments: RfmSegmentKey[]) => set({ rfmSegments })}
          optionFilterProp="label"
          options={segmentOptions(t)}
        />
      </label>
      {both && (
        <Space wrap>
          <Typography.Text>{t('campaigns.combine')}</Typography.Text>
          <Radio.Group
            aria-label={t('campaigns.combine')}
            value={draft.combine}
            onChange={(e) => set({ combine: e.target.value as Draft['combine'] })}
            optionType="button"
            options={[
              { value: 'any', label: t('campaigns.combine.any') },
              { value: 'all', label: t('campaigns.combine.all') },
            ]}
          />
        </Space>
      )}
      <Alert type="info" showIcon data-testid="audience-words" title={audienceWords(draft, t)} />
      <Card size="small" title={t('campaigns.exclusions')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label>
            {t('campaigns.excludeClubs')}
            <Select
              mode="multiple"
              aria-label={t('campaigns.excludeClubs')}
              style={{ width: '100%' }}
              value={draft.excludeClubIds}
              onChange={(excludeClubIds: string[]) => set({ excludeClubIds })}
              optionFilterProp="label"
              options={clubOptions(clubs.data?.clubs, lang)}
            />
          </label>
          <div>
            <Typography.Text id="campaign-exclude-tiers">{t('campaigns.excludeTiers')}</Typography.Text>
            <div>
              <Checkbox.Group
                aria-labelledby="campaign-exclude-tiers"
                value={draft.excludeTierCodes}
                onChange={(v) => set({ excludeTierCodes: v })}
                options={tierOptions}
              />
            </div>
          </div>
          <label>
            {t('campaigns.excludeRfmSegments')}
            <Select
              mode="multiple"
              aria-label={t('campaigns.excludeRfmSegments')}
              style={{ width: '100%' }}
              value={draft.excludeRfmSegments}
              onChange={(excludeRfmSegments: RfmSegmentKey[]) => set({ excludeRfmSegments })}
              optionFilterProp="label"
              options={segmentOptions(t)}
            />
          </label>
          <Space wrap size="large">
            <DaysField
              label={t('campaigns.excludeNoPurchase')}
              value={draft.excludeNoPurchaseDays}
              onChange={(v) => set({ excludeNoPurchaseDays: v })}
            />
            <DaysField
              label={t('campaigns.excludeJoined')}
              value={draft.excludeJoinedWithinDays}
              onChange={(v) => set({ excludeJoinedWithinDays: v })}
            />
          </Space>
        </Space>
      </Card>
    </StepFields>
  );
}

function DaysField({ label, value, onChange }: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <div>
        <InputNumber
          aria-label={label}
          min={1}
          max={3650}
          precision={0}
          value={value}
          onChange={(n) => onChange(n)}
          suffix={t('campaigns.days')}
          style={{ width: 160 }}
        />
      </div>
    </label>
  );
}
