import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { unwrap, type Schemas } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { portal } from '../session';
import { Loaded } from './common';
import { useMemberVoiceText, type MemberVoiceKey } from './voice-text';

type Complaint = Schemas['MyComplaintResponse'];
type Category = Schemas['MemberComplaintDto']['category'];
const CATEGORIES: Category[] = ['product', 'service', 'price', 'points', 'environment', 'delivery', 'other'];
/** A visible box around a field (the page's inputs have none of their own). */
const FIELD = { border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 8px', boxSizing: 'border-box' as const, width: '100%' };
const LABEL = { display: 'block', margin: '12px 0 6px', fontSize: 15 };
const STATE_COLOR: Record<string, string> = { open: 'primary', in_progress: 'warning', resolved: 'success', closed: 'default' };

/** My complaints: raise one, and see each with what the store told me; a resolved one can be reopened for 14 days. */
export function ComplaintsScreen() {
  const tv = useMemberVoiceText();
  const { lang } = useI18n();
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['me', 'complaints'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/complaints')),
  });
  const [category, setCategory] = useState<Category>('service');
  const [description, setDescription] = useState('');
  const [receiptNo, setReceiptNo] = useState('');
  const raise = useMutation({
    mutationFn: async () =>
      unwrap(
        await portal.POST('/api/v1/portal/me/complaints', {
          body: { category, description: description.trim(), ...(receiptNo.trim() ? { receiptNo: receiptNo.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      setDescription('');
      setReceiptNo('');
      Toast.show({ content: tv('cp.sent') });
      void client.invalidateQueries({ queryKey: ['me', 'complaints'] });
    },
    onError: (err) => Toast.show({ content: errorMessage(err, lang) }),
  });
  const reopen = useMutation({
    mutationFn: async (complaintId: string) =>
      unwrap(await portal.POST('/api/v1/portal/me/complaints/{complaintId}/reopen', { params: { path: { complaintId } } })),
    onSuccess: () => {
      Toast.show({ content: tv('cp.reopened') });
      void client.invalidateQueries({ queryKey: ['me', 'complaints'] });
    },
    onError: (err) => Toast.show({ content: errorMessage(err, lang) }),
  });
  const stepText = (s: Complaint['steps'][number]) => {
    switch (s.kind) {
      case 'state':
        return tv('cp.step.state', { state: tv(`st.${s.toState ?? 'open'}` as MemberVoiceKey) }) + (s.text ? `：${s.text}` : '');
      case 'reply':
        return `${tv('cp.step.reply')}：${s.text ?? ''}`;
      case 'goodwill':
        return tv('cp.step.goodwill', { points: s.points ?? 0 });
      case 'apology':
        return tv('cp.step.apology');
      case 'coupon':
        return `${tv('cp.step.coupon')}：${s.text ?? ''}`;
      case 'raised':
        return tv('cp.step.raised');
    }
  };
  return (
    <div data-testid="complaints-screen">
      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-complaint-new">
        <h2 id="m-complaint-new" style={{ padding: '0 16px', marginTop: 0 }}>
          {tv('cp.new')}
        </h2>
        <Form layout="vertical">
          <Form.Item label={tv('cp.category')}>
            <Selector
              columns={3}
              value={[category]}
              onChange={(v) => v[0] && setCategory(v[0])}
              options={CATEGORIES.map((c) => ({ value: c, label: tv(`cat.${c}` as MemberVoiceKey) }))}
            />
          </Form.Item>
        </Form>
        <div style={{ padding: '0 16px' }}>
          <label htmlFor="m-complaint-description" style={LABEL}>
            {tv('cp.description')}
          </label>
          <TextArea id="m-complaint-description" rows={3} maxLength={2000} value={description} onChange={setDescription} style={FIELD} />
          <div className="m-muted" style={{ fontSize: 12, marginTop: 4 }}>
            {tv('cp.descriptionHint')}
          </div>
          <label htmlFor="m-complaint-receipt" style={LABEL}>
            {tv('cp.receipt')}
          </label>
          <Input id="m-complaint-receipt" value={receiptNo} onChange={setReceiptNo} maxLength={64} style={FIELD} />
        </div>
        <div style={{ padding: '16px 16px 0' }}>
          <Button block color="primary" disabled={description.trim().length < 5} loading={raise.isPending} onClick={() => raise.mutate()}>
            {tv('cp.send')}
          </Button>
        </div>
      </section>
      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-complaint-list">
        <h2 id="m-complaint-list" style={{ padding: '0 16px', marginTop: 0 }}>
          {tv('cp.title')}
        </h2>
        <Loaded query={mine} label={tv('cp.title')}>
          {(d) =>
            d.items.length === 0 ? (
              <p className="m-muted" style={{ padding: '0 16px' }}>
                {tv('cp.none')}
              </p>
            ) : (
              <List>
                {d.items.map((c) => (
                  <List.Item
                    key={c.complaintId}
                    description={
                      <div>
                        <div>{c.description}</div>
                        <Steps direction="vertical" current={c.steps.length - 1}>
                          {c.steps.map((s, i) => (
                            <Steps.Step key={i} title={stepText(s)} description={formatDateTime(s.at, lang)} />
                          ))}
                        </Steps>
                        {c.reopenable && (
                          <Button size="small" loading={reopen.isPending} onClick={() => reopen.mutate(c.complaintId)}>
                            {tv('cp.reopen')}
                          </Button>
                        )}
                      </div>
                    }
                    extra={<Tag color={STATE_COLOR[c.state]}>{tv(`st.${c.state}` as MemberVoiceKey)}</Tag>}
                  >
                    {tv(`cat.${c.category}` as MemberVoiceKey)} · {c.caseNo}
                    <div className="m-muted" style={{ fontSize: 12 }}>
                      {c.state === 'open' || c.state === 'in_progress'
                        ? tv('cp.due', { time: formatDateTime(c.dueAt, lang) })
                        : c.storeName}
                    </div>
                  </List.Item>
                ))}
              </List>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}
