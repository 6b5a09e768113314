import { Alert, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { formatMoney } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { JobProgress } from '../jobs/JobProgress';
import { tierName } from '../names/names';
import { ExcludedCategories } from './ExcludedCategories';
import { useLadder, useReview, useSaveLadder, useSimulateLadder, type Tier } from './queries';

/** The ladder: thresholds edited, the what-if shown as a before/after chart before saving; reviews with live progress. */
export function TiersPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const ladder = useLadder();
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [reviewJob, setReviewJob] = useState<string | null>(null);
  const [rankReviewJob, setRankReviewJob] = useState<string | null>(null);
  useEffect(() => {
    if (ladder.data) {
      setTiers(ladder.data.tiers);
    }
  }, [ladder.data]);
  const simulate = useSimulateLadder();
  const save = useSaveLadder();
  const review = useReview('reviews', setReviewJob);
  const rankReview = useReview('rank-reviews', setRankReviewJob);
  const failure = simulate.error ?? save.error ?? review.error ?? rankReview.error;
  const isAdmin = me.role === 'admin';
  return (
    <section>
      <Typography.Title level={3}>{t('nav.tiers')}</Typography.Title>
      <QueryState query={ladder}>
        {() => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table<Tier>
              rowKey="code"
              dataSource={tiers}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: t('common.code'), dataIndex: 'code' },
                { title: t('common.name'), render: (_, r) => (lang === 'zh-CN' ? r.nameZh : r.nameEn) },
                {
                  title: t('tiers.minSpend'),
                  render: (_, r, i) =>
                    r.kind === 'threshold' && i > 0 ? (
                      <InputNumber
                        aria-label={t('tiers.minSpendOf', { code: r.code })}
                        min={0}
                        precision={2}
                        style={{ minWidth: 160 }}
                        value={(r.minSpendCents ?? 0) / 100}
                        onChange={(v) => setTiers(tiers.map((x, j) => (j === i ? { ...x, minSpendCents: Math.round((v ?? 0) * 100) } : x)))}
                      />
                    ) : r.minSpendCents === null ? (
                      '—'
                    ) : (
                      formatMoney(r.minSpendCents, lang)
                    ),
                },
                { title: t('tiers.multiplier'), render: (_, r) => `${r.earnMultiplierPermille / 1000}×` },
              ]}
            />
            <Space wrap>
              <Button onClick={() => simulate.mutate(tiers)} loading={simulate.isPending}>
                {t('tiers.simulate')}
              </Button>
              {isAdmin && (
                <Button type="primary" onClick={() => save.mutate(tiers)} loading={save.isPending} disabled={!simulate.data}>
                  {t('tiers.save')}
                </Button>
              )}
              {isAdmin && <Button onClick={() => review.mutate()}>{t('tiers.runReview')}</Button>}
              {isAdmin && (
                <Button onClick={() => rankReview.mutate()} loading={rankReview.isPending}>
                  {t('tiers.runRankReview')}
                </Button>
              )}
            </Space>
            {failure && (
              <Alert
                type="error"
                role="alert"
                title={
                  failure instanceof ApiError && failure.code === 'RANK_REVIEW_NEEDS_VALUE_RUN'
                    ? t('tiers.rankReviewNeedsValueRun')
                    : failure.message
                }
              />
            )}
            {save.isSuccess && <Alert type="success" title={t('tiers.saved')} />}
            {simulate.data && (
              <Card size="small" title={t('tiers.whatIf')}>
                <Chart
                  label={t('tiers.whatIf')}
                  testId="tiers-what-if"
                  option={{
                    tooltip: {},
                    legend: {},
                    xAxis: { type: 'category', data: simulate.data.tiers.map((x) => tierName(tiers, x.code, lang, t('tier.none'))) },
                    yAxis: { type: 'value' },
                    series: [
                      { name: t('tiers.before'), type: 'bar', data: simulate.data.tiers.map((x) => x.membersNow) },
                      { name: t('tiers.after'), type: 'bar', data: simulate.data.tiers.map((x) => x.membersAfter) },
                    ],
                  }}
                />
              </Card>
            )}
            <ExcludedCategories editable={isAdmin} />
            {reviewJob && <JobProgress jobId={reviewJob} label={t('tiers.review')} />}
            {rankReviewJob && <JobProgress jobId={rankReviewJob} label={t('tiers.rankReview')} />}
          </Space>
        )}
      </QueryState>
    </section>
  );
}
