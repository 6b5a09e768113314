import { Alert, Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../shared/i18n';
import { useRaiseComplaint, type Complaint } from './queries';
import { CATEGORIES, useVoiceText, type VoiceKey } from './text';

/**
 * Raising a case for a member: from the complaints screen (the member's id asked) or from the member's drawer (known).
 * The store is the one of the receipt, when a receipt is given (the server finds it among the member's purchases).
 */
export function RaiseComplaint({ open, onClose, memberId }: { open: boolean; onClose: () => void; memberId?: string }) {
  const tv = useVoiceText();
  const { t } = useI18n();
  const [form] = Form.useForm();
  const raise = useRaiseComplaint(() => {
    form.resetFields();
    onClose();
  });
  return (
    <Modal
      open={open}
      title={tv('c.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={raise.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ severity: 'normal', category: 'service' }}
        onFinish={(v: Record<string, string>) =>
          raise.mutate({
            memberId: memberId ?? v.memberId,
            receiptNo: v.receiptNo || undefined,
            category: v.category as Complaint['category'],
            description: v.description,
            severity: v.severity as 'high' | 'normal',
          })
        }
      >
        {!memberId && (
          <Form.Item name="memberId" label={tv('c.memberId')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="receiptNo" label={tv('c.receipt')}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={tv('c.category')}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: tv(`cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={tv('c.severity')}>
          <Select options={['high', 'normal'].map((s) => ({ value: s, label: tv(`sev.${s}` as VoiceKey) }))} />
        </Form.Item>
        <Form.Item name="description" label={tv('c.description')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {raise.error && <Alert type="error" role="alert" title={raise.error.message} />}
    </Modal>
  );
}
