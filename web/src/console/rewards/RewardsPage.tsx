import { App, Button, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useAllClubs } from '../clubs/queries';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import { useLadder } from '../tiers/queries';
import { useArchiveReward, useRewards, type Reward, type RewardStatus } from './queries';
import { RewardForm } from './RewardForm';
import { priceInWords, stockInWords, validityInWords, valueInWords, windowInWords } from './terms';

const NOWRAP = () => ({ style: { whiteSpace: 'nowrap' as const } });

type SaleState = 'archived' | 'template' | 'soldOut' | 'scheduled' | 'ended' | 'onSale';

const SALE_COLOR: Record<SaleState, string> = {
  onSale: 'green',
  scheduled: 'blue',
  soldOut: 'orange',
  ended: 'default',
  template: 'purple',
  archived: 'default',
};

/** Where a reward stands for members now: on sale, not yet, ended, sold out, a campaign template, archived. */
export function saleState(r: Reward, now = Date.now()): SaleState {
  if (r.status === 'archived') {
    return 'archived';
  }
  if (r.pointsPrice === null) {
    return 'template';
  }
  if (r.stockLeft === 0) {
    return 'soldOut';
  }
  if (r.saleStartsAt && Date.parse(r.saleStartsAt) > now) {
    return 'scheduled';
  }
  if (r.saleEndsAt && Date.parse(r.saleEndsAt) <= now) {
    return 'ended';
  }
  return 'onSale';
}

/** The rewards catalog: every reward with its terms in words, a new or edited reward in a drawer, archive behind a confirmation. */
export function RewardsPage() {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const drawerSize = useDrawerSize();
  const [status, setStatus] = useState<RewardStatus>('active');
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const rewards = useRewards(status);
  const archive = useArchiveReward();
  const tiers = useLadder();
  const clubs = useAllClubs();
  const tierName = (code: string) => {
    const tier = tiers.data?.tiers.find((x) => x.code === code);
    return tier ? (lang === 'zh-CN' ? tier.nameZh : tier.nameEn) : code;
  };
  const clubName = (code: string) => {
    const club = clubs.data?.clubs.find((x) => x.code === code);
    return club ? (lang === 'zh-CN' ? club.nameZh : club.nameEn) : code;
  };
  const name = (r: Reward) => (lang === 'zh-CN' ? r.nameZh : r.nameEn);
  const confirmArchive = (r: Reward) => {
    modal.confirm({
      title: t('rewards.archiveTitle', { name: name(r) }),
      content: t('rewards.archiveConfirm'),
      okText: t('rewards.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => archive.mutateAsync(r.rewardId),
    });
  };
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.rewards')}</Typography.Title>
        <Space wrap>
          <Segmented<RewardStatus>
            aria-label={t('common.status')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'active', label: t('rewards.list.active') },
              { value: 'archived', label: t('rewards.list.archived') },
            ]}
          />
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('rewards.new')}
          </Button>
        </Space>
      </Space>
      <QueryState query={rewards} empty={(d) => d.length === 0}>
        {(d) => (
          <Table<Reward>
            rowKey="rewardId"
            size="middle"
            dataSource={d}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            data-testid="rewards-table"
            columns={[
              {
                title: t('common.name'),
                onCell: () => ({ style: { minWidth: 160 } }),
                render: (_, r) => (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setEditing(r)}
                  >
                    {name(r)}
                  </Button>
                ),
              },
              {
                title: t('rewards.kindAndValue'),
                onCell: NOWRAP,
                onHeaderCell: NOWRAP,
                render: (_, r) => (
                  <>
                    <div>{valueInWords(r, lang)}</div>
                    <Typography.Text type="secondary">{t(`rewards.kind.${r.kind as 'amount_off'}`)}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('rewards.pointsPrice'),
                onCell: NOWRAP,
                onHeaderCell: NOWRAP,
                render: (_, r) => priceInWords(r.pointsPrice, lang),
              },
              { title: t('rewards.stock'), onCell: NOWRAP, onHeaderCell: NOWRAP, render: (_, r) => stockInWords(r, lang) },
              { title: t('rewards.couponValid'), render: (_, r) => validityInWords(r, lang) },
              {
                title: t('rewards.saleWindow'),
                render: (_, r) => windowInWords(r.saleStartsAt, r.saleEndsAt, lang),
              },
              {
                title: t('rewards.who'),
                render: (_, r) => {
                  // A member needs one of the tiers and (if clubs are named) one of the clubs.
                  const or = t('rewards.or');
                  const parts = [
                    ...(r.eligibleTiers ? [t('rewards.whoTiers', { tiers: r.eligibleTiers.map(tierName).join(or) })] : []),
                    ...(r.eligibleClubs ? [t('rewards.whoClubs', { clubs: r.eligibleClubs.map(clubName).join(or) })] : []),
                  ];
                  return parts.length === 0
                    ? t('rewards.everyone')
                    : parts.map((p) => (
                        <div key={p} style={{ whiteSpace: 'nowrap' }}>
                          {p}
                        </div>
                      ));
                },
              },
              {
                title: t('common.status'),
                render: (_, r) => {
                  const state = saleState(r);
                  return <Tag color={SALE_COLOR[state]}>{t(`rewards.state.${state}`)}</Tag>;
                },
              },
              {
                title: t('common.actions'),
                render: (_, r) =>
                  r.status === 'active' && (
                    <Space>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('rewards.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => confirmArchive(r)}>
                        {t('rewards.archive')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('rewards.new') : t('rewards.editTitle')}
        size={drawerSize}
        destroyOnHidden
      >
        {editing !== null && <RewardForm reward={editing === 'new' ? null : editing} onSaved={() => setEditing(null)} />}
      </Drawer>
    </section>
  );
}
