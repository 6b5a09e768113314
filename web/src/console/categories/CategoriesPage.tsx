import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import { matchesCategory } from '../names/names';
import { useCatalog, useCreateCategory, useRenameCategory, useUnknownCategories, type Category, type CategoryNames } from './queries';

/** What the naming dialog edits: a new code, an unknown code the tills sent, or an entry's names. */
type Editing = { kind: 'new' } | { kind: 'unknown'; code: string } | { kind: 'rename'; category: Category };

/**
 * The category catalog (admin/categories): codes the tills sent without a name (most used first, "name it"), and the
 * named categories with their use counts, searchable; admins and marketers name and rename.
 */
export function CategoriesPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const manage = can('categories.manage');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [q, setQ] = useState('');
  const catalog = useCatalog();
  const unknown = useUnknownCategories();
  const shown = useMemo(
    () => (catalog.data ?? []).filter((c) => matchesCategory(q, { search: `${c.nameZh} ${c.nameEn} ${c.code}`.toLowerCase() })),
    [catalog.data, q],
  );
  const name = (c: Category) => (lang === 'zh-CN' ? c.nameZh : c.nameEn);
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('categories.title')}</Typography.Title>
        {manage && (
          <Button type="primary" onClick={() => setEditing({ kind: 'new' })}>
            {t('categories.new')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('categories.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('categories.unknown')} data-testid="categories-unknown">
          <Typography.Paragraph type="secondary">{t('categories.unknownIntro')}</Typography.Paragraph>
          <QueryState query={unknown}>
            {(d) =>
              d.items.length === 0 ? (
                <Alert type="success" title={t('categories.noUnknown')} />
              ) : (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  dataSource={d.items}
                  columns={[
                    { title: t('categories.code'), render: (_, u) => <Code code={u.code} /> },
                    { title: t('categories.lines'), align: 'right', render: (_, u) => formatPoints(u.lineCount, lang) },
                    { title: t('categories.firstSeen'), responsive: ['lg'], render: (_, u) => formatDateTime(u.firstSeenAt, lang) },
                    { title: t('categories.lastSeen'), responsive: ['md'], render: (_, u) => formatDateTime(u.lastSeenAt, lang) },
                    ...(manage
                      ? [
                          {
                            title: t('common.actions'),
                            render: (_: unknown, u: { code: string }) => (
                              <Button size="small" type="primary" ghost onClick={() => setEditing({ kind: 'unknown', code: u.code })}>
                                {t('categories.nameIt')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              )
            }
          </QueryState>
        </Card>
        <Card title={t('categories.catalog')} data-testid="categories-catalog">
          <Input.Search
            allowClear
            aria-label={t('categories.search')}
            placeholder={t('categories.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ maxWidth: 320, marginBottom: 12 }}
          />
          <QueryState query={catalog} empty={(d) => d.length === 0}>
            {() => (
              <Table<Category>
                rowKey="code"
                size="small"
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                dataSource={shown}
                columns={[
                  { title: t('common.name'), render: (_, c) => <Typography.Text strong>{name(c)}</Typography.Text> },
                  {
                    title: lang === 'zh-CN' ? t('categories.nameEn') : t('categories.nameZh'),
                    responsive: ['md'],
                    render: (_, c) => (lang === 'zh-CN' ? c.nameEn : c.nameZh),
                  },
                  { title: t('categories.code'), render: (_, c) => <Code code={c.code} /> },
                  { title: t('categories.lines'), align: 'right', render: (_, c) => formatPoints(c.lineCount, lang) },
                  {
                    title: t('categories.lastSeen'),
                    responsive: ['lg'],
                    render: (_, c) => (c.lastSeenAt ? formatDateTime(c.lastSeenAt, lang) : '—'),
                  },
                  ...(manage
                    ? [
                        {
                          title: t('common.actions'),
                          render: (_: unknown, c: Category) => (
                            <Button size="small" onClick={() => setEditing({ kind: 'rename', category: c })}>
                              {t('categories.edit')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </QueryState>
        </Card>
      </Space>
      {editing && <NameDialog editing={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** A code as the tills send it, on one line. */
function Code({ code }: { code: string }) {
  return (
    <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
      {code}
    </Typography.Text>
  );
}

/** Names a code in both languages (the code is typed only for a new entry), or renames an entry. */
function NameDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryNames & { code: string }>();
  const saved = (c: Category) => {
    void message.success(t('categories.saved', { name: lang === 'zh-CN' ? c.nameZh : c.nameEn }));
    onClose();
  };
  const create = useCreateCategory(saved);
  const rename = useRenameCategory(saved);
  const error = create.error ?? rename.error;
  const code = editing.kind === 'unknown' ? editing.code : editing.kind === 'rename' ? editing.category.code : undefined;
  const title =
    editing.kind === 'new'
      ? t('categories.new')
      : t(editing.kind === 'unknown' ? 'categories.nameTitle' : 'categories.editTitle', { code: code ?? '' });
  const submit = (v: CategoryNames & { code: string }) => {
    const body = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim() };
    if (editing.kind === 'rename') {
      rename.mutate({ code: editing.category.code, ...body });
    } else {
      create.mutate({ code: (code ?? v.code).trim(), ...body });
    }
  };
  const required = [{ required: true, whitespace: true, message: t('categories.required') }];
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || rename.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={editing.kind === 'rename' ? { nameZh: editing.category.nameZh, nameEn: editing.category.nameEn } : {}}
      >
        {editing.kind === 'new' && (
          <Form.Item label={t('categories.code')} name="code" rules={required}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        <Form.Item label={t('categories.nameZh')} name="nameZh" rules={required}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item label={t('categories.nameEn')} name="nameEn" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error.message} />}
    </Modal>
  );
}
