import { Button, Input, NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { normalizePhone } from '../model';
import { sendSignInCode, signInWithCode } from '../session';

/**
 * Phone, then the six-digit code sent by SMS. The first screen of the member page, so it is kept light: a plain form
 * rather than antd-mobile's Form (its field store, validator and popovers weigh about 40 KiB compressed, for two fields
 * checked here by hand).
 */
export function SignInScreen() {
  const { t, lang } = useI18n();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentFor, setSentFor] = useState<{ phone: string; minutes: number } | null>(null);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) {
      return;
    }
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const explain = (err: unknown) => {
    const code = err instanceof ApiError ? err.code : '';
    if (code === 'SIGN_IN_CODE_INVALID') {
      return t('member.signIn.wrongCode');
    }
    if (code === 'SIGN_IN_LOCKED' || code === 'RATE_LIMITED') {
      return t('member.signIn.locked');
    }
    if (code === 'PHONE_NOT_REGISTERED') {
      return t('member.signIn.notRegistered');
    }
    return errorMessage(err, lang);
  };

  const sendCode = async () => {
    setProblem(null);
    const e164 = normalizePhone(phone);
    if (!e164) {
      setProblem(t('member.signIn.phoneInvalid'));
      return;
    }
    setBusy(true);
    try {
      const sent = await sendSignInCode(e164);
      setSentFor({ phone: e164, minutes: Math.round(sent.expiresIn / 60) });
      setWait(60);
    } catch (err) {
      setProblem(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const signIn = async () => {
    setProblem(null);
    if (!/^\d{6}$/.test(code)) {
      setProblem(t('member.signIn.codeInvalid'));
      return;
    }
    setBusy(true);
    try {
      await signInWithCode(sentFor?.phone ?? normalizePhone(phone) ?? phone.trim(), code);
    } catch (err) {
      setProblem(explain(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="m-main">
      <section className="m-section" aria-labelledby="m-sign-in">
        <h2 id="m-sign-in">{t('member.signIn.title')}</h2>
        <p className="m-muted">{t('member.signIn.intro')}</p>
        {problem && (
          <div role="alert">
            <NoticeBar color="error" content={problem} wrap style={{ marginBottom: 12 }} />
          </div>
        )}
        {sentFor && !problem && (
          <NoticeBar
            color="success"
            content={t('member.signIn.codeSent', { minutes: sentFor.minutes })}
            wrap
            style={{ marginBottom: 12 }}
          />
        )}
        <form
          className="m-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void (sentFor ? signIn() : sendCode());
          }}
        >
          <div className="m-field">
            <label htmlFor="m-phone">{t('member.signIn.phone')}</label>
            <Input
              id="m-phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              aria-label={t('member.signIn.phone')}
              placeholder={t('member.signIn.phoneHint')}
              value={phone}
              onChange={setPhone}
              clearable
            />
          </div>
          <Button
            block
            disabled={busy || wait > 0}
            onClick={() => void sendCode()}
            aria-label={wait > 0 ? t('member.signIn.resendIn', { seconds: wait }) : t('member.signIn.sendCode')}
          >
            {wait > 0 ? t('member.signIn.resendIn', { seconds: wait }) : t('member.signIn.sendCode')}
          </Button>
          {sentFor && (
            <>
              <div className="m-field" style={{ marginTop: 12 }}>
                <label htmlFor="m-code">{t('member.signIn.code')}</label>
                <Input
                  id="m-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  aria-label={t('member.signIn.code')}
                  value={code}
                  onChange={(v) => setCode(v.replace(/\D/g, ''))}
                  onEnterPress={() => void signIn()}
                />
              </div>
              <Button block color="primary" loading={busy} onClick={() => void signIn()}>
                {t('member.signIn.submit')}
              </Button>
            </>
          )}
        </form>
      </section>
    </main>
  );
}
