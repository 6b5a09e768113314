import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useAddNote, useAdjustPoints, useCardAction, useMemberDetail, type MemberRow } from './queries';

/** What the role may do to a member: adjust points (with a reason), add a note, freeze or replace the card. */
export function MemberActions({ member }: { member: MemberRow }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const [adjustForm] = Form.useForm<{ points: number; reason: string }>();
  const [noteForm] = Form.useForm<{ text: string }>();
  const memberId = member.memberId;
  const card = member.card;
  const adjust = useAdjustPoints(memberId);
  // The balance as the server has it now (read again after a merge or an adjustment), not the search row's copy.
  const detail = useMemberDetail(memberId);
  const balance = detail.data?.points.balance ?? member.balance;
  const note = useAddNote(memberId);
  const cardAction = useCardAction(card?.cardNo ?? null);
  const error = adjust.error ?? note.error ?? cardAction.error;
  return (
    <Card size="small" title={t('common.actions')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {can('points.adjust') && (
          <Form
            form={adjustForm}
            layout="inline"
            onFinish={(v: { points: number; reason: string }) => {
              // Points move only after a confirmation that says how many, to whom, and the balance after.
              const after = balance + v.points;
              void modal.confirm({
                title: t(v.points >= 0 ? 'members.adjustConfirm.give' : 'members.adjustConfirm.take', {
                  points: formatPoints(Math.abs(v.points), lang),
                  name: member.name ?? member.card?.cardNo ?? '—',
                }),
                content: (
                  <Space orientation="vertical" data-testid="adjust-confirm">
                    <span>
                      {t('members.adjustConfirm.balance', {
                        before: formatPoints(balance, lang),
                        after: formatPoints(after, lang),
                      })}
                    </span>
                    <span>{t('members.adjustConfirm.reason', { reason: v.reason })}</span>
                    {after < 0 && <Alert type="warning" title={t('members.adjustConfirm.negative')} />}
                  </Space>
                ),
                okText: t('members.adjust'),
                onOk: () => adjust.mutateAsync(v).then(() => adjustForm.resetFields()),
              });
            }}
          >
            <Form.Item label={t('members.adjustPoints')} name="points" rules={[{ required: true }]}>
              <InputNumber style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item label={t('members.reason')} name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit" loading={adjust.isPending}>
              {t('members.adjust')}
            </Button>
          </Form>
        )}
        {can('members.write') && (
          <Form
            form={noteForm}
            layout="inline"
            onFinish={(v: { text: string }) => note.mutate(v, { onSuccess: () => noteForm.resetFields() })}
          >
            <Form.Item label={t('members.note')} name="text" rules={[{ required: true }]}>
              <Input style={{ minWidth: 240 }} />
            </Form.Item>
            <Button htmlType="submit" loading={note.isPending}>
              {t('members.addNote')}
            </Button>
          </Form>
        )}
        {can('cards.manage') && card && (
          <Space wrap>
            <Typography.Text>
              {t('members.cardLine', {
                card: card.cardNo,
                status: t(`members.cardStatus.${card.status}` as 'members.cardStatus.active'),
              })}
            </Typography.Text>
            <Button onClick={() => cardAction.mutate('freeze')}>{t('members.freezeCard')}</Button>
            <Button onClick={() => cardAction.mutate('replace')}>{t('members.replaceCard')}</Button>
          </Space>
        )}
        {(adjust.isSuccess || note.isSuccess || cardAction.isSuccess) && <Alert type="success" title={t('members.done')} />}
        {error && <Alert type="error" role="alert" title={error.message} />}
      </Space>
    </Card>
  );
}
