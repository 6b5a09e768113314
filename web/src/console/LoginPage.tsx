import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { unwrap } from '../shared/api';
import { api, session } from './api';
import { useI18n } from '../shared/i18n';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const tokens = unwrap(await api.POST('/api/v1/admin/auth/login', { body: values }));
      session.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      onSignedIn();
    } catch (err) {
      setError(t('login.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ maxWidth: 400, margin: '10vh auto', padding: 16 }}>
      <div style={{ textAlign: 'right', marginBottom: 8 }}>
        <LanguageSwitch />
      </div>
      <Card>
        <Typography.Title level={3}>{t('login.title')}</Typography.Title>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={(v: { email: string; password: string }) => void submit(v)}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
