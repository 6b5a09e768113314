import { Alert, Button, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactElement } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import {
  useAudit,
  useCreateStore,
  useCreateUser,
  useNewApiKey,
  useOutbox,
  useStores,
  useUsers,
  useWebhooks,
  type NewUser,
} from './queries';

/** Stores and API keys (a key is shown once), console users, the audit log, the outbox, webhooks, the queue dashboard. */
export function OperationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const items = [
    can('stores.manage') && { key: 'stores', label: t('ops.stores'), children: <Stores /> },
    can('users.manage') && { key: 'users', label: t('ops.users'), children: <Users /> },
    can('audit.read') && { key: 'audit', label: t('ops.audit'), children: <Audit /> },
    can('users.manage') && { key: 'outbox', label: t('ops.outbox'), children: <Outbox /> },
    can('users.manage') && { key: 'webhooks', label: t('ops.webhooks'), children: <Webhooks /> },
  ].filter((x): x is { key: string; label: string; children: ReactElement } => Boolean(x));
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.operations')}</Typography.Title>
        <a href="/admin/queues" target="_blank" rel="noreferrer">
          {t('ops.queues')}
        </a>
      </Space>
      <Tabs items={items} />
    </section>
  );
}

function Stores() {
  const { t, lang } = useI18n();
  const [key, setKey] = useState<string | null>(null);
  const stores = useStores();
  const create = useCreateStore();
  const newKey = useNewApiKey(setKey);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {key && (
        <Alert
          type="warning"
          title={t('ops.keyOnce')}
          description={
            <Typography.Text copyable code data-testid="api-key">
              {key}
            </Typography.Text>
          }
          closable
          onClose={() => setKey(null)}
        />
      )}
      <Form layout="inline" onFinish={(v: { code: string; name: string }) => create.mutate(v)}>
        <Form.Item label={t('common.code')} name="code" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('common.name')} name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit">{t('ops.newStore')}</Button>
      </Form>
      {(create.error ?? newKey.error) && <Alert type="error" role="alert" title={(create.error ?? newKey.error)!.message} />}
      <QueryState query={stores} empty={(d) => d.stores.length === 0}>
        {(d) => (
          <Table
            rowKey="storeId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.stores}
            columns={[
              { title: t('common.code'), dataIndex: 'code' },
              { title: t('common.name'), dataIndex: 'name' },
              { title: t('common.status'), render: (_, s) => <Tag>{t(`ops.storeStatus.${s.status}`)}</Tag> },
              { title: t('common.created'), render: (_, s) => formatDateTime(s.createdAt, lang) },
              {
                title: t('common.actions'),
                render: (_, s) => (
                  <Button size="small" onClick={() => newKey.mutate(s.storeId)}>
                    {t('ops.newKey')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}

function Users() {
  const { t, lang } = useI18n();
  const users = useUsers();
  const create = useCreateUser();
  const [form] = Form.useForm<NewUser>();
  const roles = ['admin', 'marketer', 'analyst', 'support'] as const;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {/* Emptied once the user is saved: the email and the password are not left filled in for the next one. */}
      <Form form={form} layout="inline" onFinish={(v: NewUser) => create.mutate(v, { onSuccess: () => form.resetFields() })}>
        <Form.Item label={t('login.email')} name="email" rules={[{ required: true, type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('login.password')} name="password" rules={[{ required: true, min: 12 }]}>
          <Input.Password />
        </Form.Item>
        <Form.Item label={t('ops.role')} name="role" rules={[{ required: true }]}>
          <Select style={{ minWidth: 140 }} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Button htmlType="submit">{t('ops.newUser')}</Button>
      </Form>
      {create.error && <Alert type="error" role="alert" title={create.error.message} />}
      <QueryState query={users}>
        {(d) => (
          <Table
            rowKey="userId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.users}
            columns={[
              { title: t('login.email'), dataIndex: 'email' },
              { title: t('ops.role'), render: (_, u) => t(`role.${u.role}`) },
              { title: t('common.status'), render: (_, u) => (u.disabled ? t('ops.disabled') : t('ops.enabled')) },
              { title: t('common.created'), render: (_, u) => formatDateTime(u.createdAt, lang) },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}

function Audit() {
  const { t, lang } = useI18n();
  const audit = useAudit();
  return (
    <QueryState query={audit} empty={(d) => d.items.length === 0}>
      {(d) => (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.items}
          columns={[
            { title: t('members.when'), render: (_, e) => formatDateTime(e.createdAt, lang) },
            { title: t('ops.actor'), render: (_, e) => e.actorEmail ?? e.actorType },
            { title: t('ops.action'), dataIndex: 'action' },
            { title: t('ops.entity'), render: (_, e) => `${e.entityType} ${e.entityId}` },
          ]}
        />
      )}
    </QueryState>
  );
}

function Outbox() {
  const { t, lang } = useI18n();
  const outbox = useOutbox();
  return (
    <QueryState query={outbox} empty={(d) => d.messages.length === 0}>
      {(d) => (
        <Table
          rowKey="messageId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.messages}
          columns={[
            { title: t('members.when'), render: (_, m) => formatDateTime(m.createdAt, lang) },
            { title: t('campaigns.channel'), render: (_, m) => m.channel },
            { title: t('campaigns.template'), dataIndex: 'templateCode' },
            { title: t('common.status'), dataIndex: 'status' },
            { title: t('ops.body'), dataIndex: 'body' },
          ]}
        />
      )}
    </QueryState>
  );
}

function Webhooks() {
  const { t, lang } = useI18n();
  const hooks = useWebhooks();
  return (
    <QueryState query={hooks} empty={(d) => d.webhooks.length === 0}>
      {(d) => (
        <Table
          rowKey="webhookId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.webhooks}
          columns={[
            { title: 'URL', dataIndex: 'url' },
            { title: t('ops.events'), render: (_, w) => w.events.join(', ') },
            { title: t('common.status'), render: (_, w) => (w.active ? t('ops.enabled') : t('ops.disabled')) },
            { title: t('common.created'), render: (_, w) => formatDateTime(w.createdAt, lang) },
          ]}
        />
      )}
    </QueryState>
  );
}
