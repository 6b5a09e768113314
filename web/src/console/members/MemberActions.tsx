import { Alert, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useAddNote, useAdjustPoints, useCardAction, type MemberRow } from './queries';

/** What the role may do to a member: adjust points (with a reason), add a note, freeze or replace the card. */
export function MemberActions({ member }: { member: MemberRow }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const memberId = member.memberId;
  const card = member.card;
  const adjust = useAdjustPoints(memberId);
  const note = useAddNote(memberId);
  const cardAction = useCardAction(card?.cardNo ?? null);
  const error = adjust.error ?? note.error ?? cardAction.error;
  return (
    <Card size="small" title={t('common.actions')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {can('points.adjust') && (
          <Form layout="inline" onFinish={(v: { points: number; reason: string }) => adjust.mutate(v)}>
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
          <Form layout="inline" onFinish={(v: { text: string }) => note.mutate(v)}>
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
              {t('members.card')}: {card.cardNo} ({card.status})
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
