import { Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import { ClubDetail } from './ClubDetail';
import { ClubsGrowthChart } from './ClubGrowth';
import { NewClubForm } from './NewClubForm';
import { useAllClubs, type Club } from './queries';

/** The clubs, their growth, a new club (with the rule builder for automatic ones) and a club's detail, in drawers. */
export function ClubsPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [fillingJobId, setFillingJobId] = useState<string | null>(null);
  const clubs = useAllClubs();
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.clubs')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('clubs.new')}
        </Button>
      </Space>
      <QueryState query={clubs} empty={(d) => d.clubs.length === 0}>
        {(d) => (
          <Table<Club>
            rowKey="clubId"
            dataSource={d.clubs}
            pagination={false}
            scroll={{ x: true }}
            // The name and the size first: what a marketer reads on a phone without scrolling sideways; the code after.
            columns={[
              {
                title: t('common.name'),
                render: (_, c) => (
                  <Button type="link" onClick={() => setOpenId(c.clubId)}>
                    {lang === 'zh-CN' ? c.nameZh : c.nameEn}
                  </Button>
                ),
              },
              {
                title: t('clubs.size'),
                align: 'right',
                sorter: (a, b) => a.memberCount - b.memberCount,
                render: (_, c) => <span data-testid={`club-size-${c.code}`}>{formatPoints(c.memberCount, lang)}</span>,
              },
              { title: t('common.code'), dataIndex: 'code' },
              { title: t('clubs.joinPolicy'), render: (_, c) => t(`clubs.policy.${c.joinPolicy}`) },
              { title: t('common.status'), render: (_, c) => <Tag>{t(`clubs.status.${c.status}`)}</Tag> },
              { title: t('clubs.rule'), render: (_, c) => (c.ruleText ? (lang === 'zh-CN' ? c.ruleText.zhCN : c.ruleText.en) : '—') },
            ]}
          />
        )}
      </QueryState>
      {can('analytics.read') && <ClubsGrowthChart />}
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('clubs.new')} size={drawerSize} destroyOnHidden>
        <NewClubForm
          onCreated={(club, regroupJobId) => {
            setCreating(false);
            setFillingJobId(regroupJobId);
            setOpenId(club.clubId);
          }}
        />
      </Drawer>
      <Drawer
        open={openId !== null}
        onClose={() => {
          setOpenId(null);
          setFillingJobId(null);
        }}
        title={t('clubs.detail')}
        size={drawerSize}
        destroyOnHidden
      >
        {openId && <ClubDetail clubId={openId} regroupJobId={fillingJobId} />}
      </Drawer>
    </section>
  );
}
