import { Descriptions, Space, Table } from 'antd';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';
import { useLedger } from './queries';

/** The member's points and ledger, newest first, with the reason of every entry. */
export function Ledger({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n();
  const ledger = useLedger(memberId);
  return (
    <QueryState query={ledger}>
      {(l) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('members.balance')}>{formatPoints(l.points.balance, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('members.available')}>{formatPoints(l.points.available, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('members.pending')}>{formatPoints(l.points.pending, lang)}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            dataSource={l.entries}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('members.when'), render: (_, e) => formatDateTime(e.createdAt, lang) },
              { title: t('members.entryType'), render: (_, e) => t(`ledger.${e.type}`) },
              { title: t('common.points'), render: (_, e) => formatPoints(e.points, lang) },
              { title: t('members.balanceAfter'), render: (_, e) => formatPoints(e.balanceAfter, lang) },
              { title: t('members.reason'), render: (_, e) => e.note ?? e.refType },
            ]}
          />
        </Space>
      )}
    </QueryState>
  );
}
