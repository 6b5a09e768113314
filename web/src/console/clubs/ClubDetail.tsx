import { Button, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';
import { JobProgress } from '../jobs/JobProgress';
import { useTierName } from '../names/useNames';
import { ClubGrowth } from './ClubGrowth';
import { useClub, useClubMembers, useRegroup, useRegrouped } from './queries';

/**
 * A club: its facts and rule, a regroup with live progress (automatic clubs; regroupJobId: the regroup that fills a
 * club just created, followed from the start), its growth and its members.
 */
export function ClubDetail({ clubId, regroupJobId = null }: { clubId: string; regroupJobId?: string | null }) {
  const { t, lang } = useI18n();
  const [jobId, setJobId] = useState<string | null>(regroupJobId);
  const club = useClub(clubId);
  const members = useClubMembers(clubId);
  const regroup = useRegroup(clubId, setJobId);
  const regrouped = useRegrouped(clubId);
  const tierName = useTierName();
  return (
    <QueryState query={club}>
      {(c) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('common.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('common.name')}>{lang === 'zh-CN' ? c.nameZh : c.nameEn}</Descriptions.Item>
            <Descriptions.Item label={t('clubs.joinPolicy')}>{t(`clubs.policy.${c.joinPolicy}`)}</Descriptions.Item>
            <Descriptions.Item label={t('clubs.rule')}>
              {c.ruleText ? (lang === 'zh-CN' ? c.ruleText.zhCN : c.ruleText.en) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.created')}>{formatDateTime(c.createdAt, lang)}</Descriptions.Item>
          </Descriptions>
          {c.joinPolicy === 'automatic' && (
            <Button onClick={() => regroup.mutate()} loading={regroup.isPending}>
              {t('clubs.regroup')}
            </Button>
          )}
          {jobId && (
            <JobProgress
              jobId={jobId}
              label={jobId === regroupJobId ? t('clubs.fillingNew') : t('clubs.regroupProgress')}
              onDone={regrouped}
            />
          )}
          <ClubGrowth clubId={clubId} />
          <Typography.Title level={5}>{t('common.members')}</Typography.Title>
          <QueryState query={members}>
            {(m) => (
              <Table
                rowKey="memberId"
                size="small"
                dataSource={m.members}
                pagination={false}
                scroll={{ x: true }}
                data-testid="club-members"
                columns={[
                  {
                    title: t('members.name'),
                    render: (_, r) => (
                      <Link to={`/members?member=${r.memberId}`} aria-label={t('members.openArchive')} title={t('members.openArchive')}>
                        {r.member.name ?? '—'}
                      </Link>
                    ),
                  },
                  { title: t('members.tier'), render: (_, r) => tierName(r.member.tierCode) },
                  { title: t('members.card'), render: (_, r) => r.member.cardNo ?? '—' },
                  { title: t('clubs.joinedVia'), responsive: ['md'], render: (_, r) => t(`clubs.via.${r.joinedVia}`) },
                  { title: t('clubs.joinedAt'), render: (_, r) => formatDateTime(r.joinedAt, lang) },
                ]}
              />
            )}
          </QueryState>
        </Space>
      )}
    </QueryState>
  );
}
