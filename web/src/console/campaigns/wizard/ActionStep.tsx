import { Card, Checkbox, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useMessageTemplates } from '../queries';
import { StepFields, type StepProps } from './StepFields';
import type { Draft } from './draft';

/** What the campaign does, one card per kind of action: grant points, send a message (channel and template). */
export function ActionStep({ draft, set }: StepProps) {
  const { t } = useI18n();
  const templates = useMessageTemplates();
  const channelTemplates = (templates.data?.templates ?? []).filter((tpl) => tpl.channel === draft.channel);
  return (
    <StepFields>
      <Card size="small" title={t('campaigns.grant')}>
        <Space wrap>
          <InputNumber
            style={{ minWidth: 200 }}
            aria-label={t('campaigns.grantPoints')}
            prefix={t('campaigns.grantPoints')}
            min={0}
            max={1_000_000}
            value={draft.grantPoints}
            onChange={(n) => set({ grantPoints: n })}
          />
          <Input
            aria-label={t('campaigns.grantReason')}
            placeholder={t('campaigns.grantReason')}
            value={draft.grantReason}
            onChange={(e) => set({ grantReason: e.target.value })}
          />
        </Space>
      </Card>
      <Card
        size="small"
        title={
          <Checkbox checked={draft.messageOn} onChange={(e) => set({ messageOn: e.target.checked })}>
            {t('campaigns.sendMessage')}
          </Checkbox>
        }
      >
        {draft.messageOn && (
          <Space wrap>
            <Radio.Group
              aria-label={t('campaigns.channel')}
              value={draft.channel}
              onChange={(e) => set({ channel: e.target.value as Draft['channel'], template: null })}
              options={(['sms', 'email', 'push'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              optionType="button"
            />
            <Select
              aria-label={t('campaigns.template')}
              placeholder={t('campaigns.template')}
              style={{ minWidth: 240 }}
              value={draft.template}
              onChange={(template: string) => set({ template })}
              showSearch
              optionFilterProp="label"
              options={channelTemplates.map((tpl) => ({ value: tpl.code, label: tpl.code }))}
            />
          </Space>
        )}
      </Card>
    </StepFields>
  );
}
