import { Alert, Button, Form, Input, Radio, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { incompleteConditions, type ClubRule } from './conditions';
import { useCreateClub, useRuleExplain, type Club, type NewClub, type RuleSample } from './queries';
import { RuleBuilder } from './RuleBuilder';
import { useLadder } from '../tiers/queries';

const FIRST_RULE: ClubRule = {
  combine: 'all',
  conditions: [{ type: 'categoryPurchases', categories: [], minPurchases: 1, days: 90 }],
};

/** Code, names and join policy; an automatic club also gets its rule, said back in words with the members it would hold. */
export function NewClubForm({ onCreated }: { onCreated: (club: Club, regroupJobId: string | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewClub>();
  const policy = Form.useWatch('joinPolicy', form) ?? 'automatic';
  const [rule, setRule] = useState<ClubRule>(FIRST_RULE);
  const ready = rule.conditions.length > 0 && incompleteConditions(rule).length === 0;
  const create = useCreateClub(rule, onCreated);
  return (
    <Form<NewClub>
      form={form}
      layout="vertical"
      initialValues={{ joinPolicy: 'automatic', dropUnmatched: false }}
      onFinish={(values) => create.mutate(values)}
    >
      <Form.Item
        label={t('common.code')}
        name="code"
        normalize={(v: string) => v.toUpperCase()}
        rules={[{ required: true, pattern: /^[A-Z0-9_-]{1,32}$/, message: t('clubs.codeRule') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.nameZh')} name="nameZh" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.nameEn')} name="nameEn" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.joinPolicy')} name="joinPolicy">
        <Radio.Group
          options={(['automatic', 'open', 'invite'] as const).map((p) => ({ value: p, label: t(`clubs.policy.${p}`) }))}
          optionType="button"
        />
      </Form.Item>
      {policy === 'automatic' && (
        <>
          <Form.Item label={t('clubs.dropUnmatched')} name="dropUnmatched" valuePropName="checked">
            <Switch />
          </Form.Item>
          <RuleBuilder value={rule} onChange={setRule} />
          <RuleSaidBack rule={rule} ready={ready} />
        </>
      )}
      {create.error && <Alert type="error" role="alert" title={create.error.message} style={{ marginTop: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending}
        disabled={policy === 'automatic' && !ready}
        style={{ marginTop: 16 }}
      >
        {t('clubs.create')}
      </Button>
    </Form>
  );
}

/**
 * The rule in the server's words (clubs/rules/explain, in the page's language) and the members it would hold now,
 * 400 ms after the last change; the last answer stays while the next is on its way.
 */
function RuleSaidBack({ rule, ready }: { rule: ClubRule; ready: boolean }) {
  const { t, lang } = useI18n();
  const explain = useRuleExplain(rule, ready);
  const words = ready && explain.data ? (lang === 'zh-CN' ? explain.data.ruleText.zhCN : explain.data.ruleText.en) : null;
  const n = ready ? explain.data?.estimatedMembers : null;
  const total = ready ? explain.data?.totalMembers : null;
  // "N of M members": how many the club would hold out of every member.
  const estimate =
    n === null || n === undefined || total === null || total === undefined
      ? null
      : t('clubs.estimateOf', { n: formatPoints(n, lang), total: formatPoints(total, lang) });
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      title={t('clubs.ruleInWords')}
      description={
        <Space orientation="vertical">
          <Typography.Text data-testid="rule-words" type={words === null ? 'secondary' : undefined}>
            {words ?? (ready ? t('common.loading') : t('clubs.ruleIncomplete'))}
          </Typography.Text>
          {explain.error && <Typography.Text type="danger">{explain.error.message}</Typography.Text>}
          <Statistic title={t('clubs.estimatedSize')} value={estimate ?? (ready ? t('common.loading') : '—')} data-testid="rule-estimate" />
          {ready && explain.data && explain.data.estimatedMembers !== null && (
            <EstimateSample sample={explain.data.sample} nobody={explain.data.estimatedMembers === 0} />
          )}
        </Space>
      }
    />
  );
}

/** Who matches: a few members by masked name and tier, so the marketer sees the rule picks the people meant. */
function EstimateSample({ sample, nobody }: { sample: RuleSample[]; nobody: boolean }) {
  const { t, lang } = useI18n();
  const ladder = useLadder();
  const tierName = (code: string) => {
    const tier = ladder.data?.tiers.find((x) => x.code === code);
    return tier ? (lang === 'zh-CN' ? tier.nameZh : tier.nameEn) : code;
  };
  if (nobody) {
    return <Typography.Text type="warning">{t('clubs.estimateNobody')}</Typography.Text>;
  }
  return (
    <Space wrap size={4} data-testid="rule-sample">
      <Typography.Text type="secondary">{t('clubs.estimateSample')}:</Typography.Text>
      {sample.map((m) => (
        <Tag key={m.memberId}>
          {m.name ?? '—'} · {tierName(m.tierCode)}
        </Tag>
      ))}
    </Space>
  );
}
