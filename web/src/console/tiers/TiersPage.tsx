import { Alert, App, Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { JobProgress } from '../jobs/JobProgress';
import { tierName } from '../names/names';
import { ExcludedCategories } from './ExcludedCategories';
import { canMove, isReordered, moved, movesOf, newTier } from './ladder-edit';
import { useLadder, useReview, useSaveLadder, useSimulateLadder, type Tier } from './queries';
import { TierEditor } from './TierEditor';
import { ValueSettingsCard } from './ValueSettingsCard';

/** A figure column's heading on one line (the tier's name wraps instead). */
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/**
 * What a refused ladder names: in English the server's problems one per line; in Chinese (the server writes English)
 * the tiers its problems concern, by name.
 */
function problemsText(error: Error, tiers: Tier[], lang: string, t: (key: 'tiers.editor.problemTiers', v: { list: string }) => string) {
  const problems = problemsOf(error);
  if (problems.length === 0) {
    return undefined;
  }
  if (lang !== 'zh-CN') {
    return (
      <ul style={{ margin: 0 }} data-testid="ladder-problems">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    );
  }
  const named = [...new Set(problems.map((p) => /tiers\[(\d+)\]/.exec(p)?.[1]).filter((i) => i !== undefined))]
    .map((i) => tiers[Number(i)])
    .filter((x) => x !== undefined)
    .map((x) => x.nameZh);
  return named.length > 0 ? (
    <span data-testid="ladder-problems">{t('tiers.editor.problemTiers', { list: named.join('、') })}</span>
  ) : undefined;
}

/** The problems a LADDER_INVALID (or a validation failure) lists, one per line. */
function problemsOf(error: Error): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) {
    return [];
  }
  return (error.details as Array<{ field?: string; message?: string }>).map((p) => `${p.field ?? ''}: ${p.message ?? ''}`);
}

/**
 * A review's refusal, shown under the review buttons and scrolled into view: on a phone the button pressed may be
 * far from the top of the screen.
 */
function ReviewRefusal({ error }: { error: Error }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <div ref={ref} data-testid="review-refused">
      <Alert
        type="error"
        role="alert"
        title={
          error instanceof ApiError && error.code === 'RANK_REVIEW_NEEDS_VALUE_RUN' ? t('tiers.rankReviewNeedsValueRun') : error.message
        }
      />
    </div>
  );
}

/**
 * The ladder: every tier's names, kind, criteria (any/all), rank seats, earn rate and benefits edited, tiers moved a
 * level higher or lower as the API allows an order; the what-if shown as a before/after chart of exactly the edited
 * ladder (in its new order) before it can be saved, and the save confirmed with the what-if's moves per tier; value
 * settings; value scoring and the reviews with live progress.
 */
export function TiersPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const ladder = useLadder();
  const [tiers, setTiers] = useState<Tier[]>([]);
  /** Per tier: added on this screen (its code may still be typed). */
  const [added, setAdded] = useState<boolean[]>([]);
  const [refresh, setRefresh] = useState(false);
  const [simulatedFor, setSimulatedFor] = useState<string | null>(null);
  const [reviewJob, setReviewJob] = useState<string | null>(null);
  const [rankReviewJob, setRankReviewJob] = useState<string | null>(null);
  useEffect(() => {
    if (ladder.data) {
      setTiers(ladder.data.tiers);
      setAdded(ladder.data.tiers.map(() => false));
    }
  }, [ladder.data]);
  const simulate = useSimulateLadder();
  const save = useSaveLadder();
  const review = useReview('reviews', setReviewJob);
  const rankReview = useReview('rank-reviews', setRankReviewJob);
  // The ladder's failures show above the what-if; a review's refusal under its button (at 375 px the top is screens away).
  const failure = simulate.error ?? save.error;
  const reviewFailure = review.error ?? rankReview.error;
  const isAdmin = can('tiers.manage');
  const current = JSON.stringify(tiers);
  const whatIfFresh = simulate.data !== undefined && simulatedFor === current;
  const edit = (next: Tier[], nextAdded = added) => {
    setTiers(next);
    setAdded(nextAdded);
    save.reset();
  };
  const name = (code: string) => tierName([...tiers, ...(ladder.data?.tiers ?? [])], code, lang, t('tier.none'));
  const reordered = ladder.data !== undefined && isReordered(ladder.data.tiers, tiers);
  /** Saving asks first, in the what-if's numbers: how many members would move into each tier, up and down. */
  const confirmSave = () => {
    const { moves, total } = movesOf(simulate.data?.tiers ?? []);
    const proposal = tiers;
    modal.confirm({
      title: t('tiers.editor.confirmTitle'),
      content: (
        <div data-testid="save-confirmation">
          <Typography.Paragraph>
            {total > 0 ? t('tiers.editor.confirmMoves', { total }) : t('tiers.editor.confirmNone')}
          </Typography.Paragraph>
          {moves.length > 0 && (
            <ul>
              {moves.map((m) => (
                <li key={m.code}>{t('tiers.editor.confirmMove', { name: name(m.code), up: m.movingUp, down: m.movingDown })}</li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary">{t('tiers.editor.confirmWhen')}</Typography.Text>
        </div>
      ),
      okText: t('tiers.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(proposal).catch(() => undefined),
    });
  };
  return (
    <section>
      <Typography.Title level={3}>{t('nav.tiers')}</Typography.Title>
      <QueryState query={ladder}>
        {() => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {tiers.map((tier, i) => (
              <TierEditor
                key={i}
                tier={tier}
                index={i}
                isNew={added[i] ?? false}
                editable={isAdmin}
                canMove={{ higher: canMove(tiers, i, 1), lower: canMove(tiers, i, -1) }}
                onMove={(direction) => edit(moved(tiers, i, direction), moved(added, i, direction))}
                onChange={(x) => edit(tiers.map((y, j) => (j === i ? { ...x } : y)))}
                onRemove={() =>
                  edit(
                    tiers.filter((_, j) => j !== i),
                    added.filter((_, j) => j !== i),
                  )
                }
              />
            ))}
            <Space wrap>
              {isAdmin && tiers.length < 10 && (
                <Button onClick={() => edit([...tiers, newTier(tiers)], [...added, true])}>{t('tiers.editor.add')}</Button>
              )}
              <Checkbox checked={refresh} onChange={(e) => setRefresh(e.target.checked)}>
                {t('tiers.editor.refresh')}
              </Checkbox>
              <Button
                onClick={() => {
                  setSimulatedFor(current);
                  simulate.mutate({ tiers, refresh });
                }}
                loading={simulate.isPending}
              >
                {t('tiers.simulate')}
              </Button>
              {isAdmin && (
                <Button type="primary" onClick={confirmSave} loading={save.isPending} disabled={!whatIfFresh}>
                  {t('tiers.save')}
                </Button>
              )}
            </Space>
            {failure && <Alert type="error" role="alert" title={failure.message} description={problemsText(failure, tiers, lang, t)} />}
            {save.isSuccess && <Alert type="success" title={t('tiers.saved')} />}
            {reordered && !save.isSuccess && <Alert type="info" data-testid="ladder-reordered" title={t('tiers.editor.reordered')} />}
            {simulate.data && !whatIfFresh && <Alert type="warning" title={t('tiers.editor.stale')} />}
            {simulate.data && (
              <Card size="small" title={t('tiers.whatIf')}>
                <Typography.Text type="secondary" data-testid="what-if-as-of">
                  {t('tiers.editor.asOf', {
                    at: formatDateTime(simulate.data.asOf, lang),
                    refreshed: simulate.data.snapshotRefreshed ? t('tiers.editor.refreshed') : '',
                  })}
                </Typography.Text>
                {simulate.data.removed.length > 0 && (
                  <Alert
                    type="info"
                    title={t('tiers.editor.removedTiers', {
                      list: simulate.data.removed.map((r) => `${name(r.code)} (${r.membersNow})`).join(', '),
                    })}
                  />
                )}
                <Chart
                  label={t('tiers.whatIf')}
                  testId="tiers-what-if"
                  option={{
                    tooltip: {},
                    legend: {},
                    // Every tier named, however narrow the screen: names break onto a second line rather than being skipped.
                    xAxis: {
                      type: 'category',
                      data: simulate.data.tiers.map((x) => name(x.code)),
                      axisLabel: { interval: 0, width: 56, overflow: 'break' },
                    },
                    yAxis: { type: 'value' },
                    series: [
                      { name: t('tiers.before'), type: 'bar', data: simulate.data.tiers.map((x) => x.membersNow) },
                      { name: t('tiers.after'), type: 'bar', data: simulate.data.tiers.map((x) => x.membersAfter) },
                    ],
                  }}
                />
                <Table
                  data-testid="what-if-table"
                  size="small"
                  rowKey="code"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={simulate.data.tiers}
                  columns={[
                    { title: t('tiers.editor.tier'), render: (_, r) => name(r.code) },
                    { title: t('tiers.before'), dataIndex: 'membersNow', onHeaderCell: nowrap },
                    { title: t('tiers.after'), dataIndex: 'membersAfter', onHeaderCell: nowrap },
                    { title: t('tiers.editor.movingUp'), dataIndex: 'movingUp', onHeaderCell: nowrap },
                    { title: t('tiers.editor.movingDown'), dataIndex: 'movingDown', onHeaderCell: nowrap },
                  ]}
                />
              </Card>
            )}
            {isAdmin && (
              <Space wrap>
                <Button
                  onClick={() => {
                    rankReview.reset();
                    review.mutate();
                  }}
                  loading={review.isPending}
                >
                  {t('tiers.runReview')}
                </Button>
                <Button
                  onClick={() => {
                    review.reset();
                    rankReview.mutate();
                  }}
                  loading={rankReview.isPending}
                >
                  {t('tiers.runRankReview')}
                </Button>
              </Space>
            )}
            {reviewFailure && <ReviewRefusal error={reviewFailure} />}
            {reviewJob && <JobProgress jobId={reviewJob} label={t('tiers.review')} />}
            {rankReviewJob && <JobProgress jobId={rankReviewJob} label={t('tiers.rankReview')} />}
            <ValueSettingsCard />
            <ExcludedCategories editable={isAdmin} />
          </Space>
        )}
      </QueryState>
    </section>
  );
}
