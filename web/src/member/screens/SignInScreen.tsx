import { Button, Input, NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { normalizePhone } from '../model';
import { agreementsInForce, registerWithCode, sendSignInCode, signInWithCode } from '../session';

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
  /** Set when the right code came back PHONE_NOT_REGISTERED: the same code then registers (POST auth/register). */
  const [joining, setJoining] = useState<{ phone: string; code: string } | null>(null);

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
    const e164 = sentFor?.phone ?? normalizePhone(phone) ?? phone.trim();
    try {
      await signInWithCode(e164, code);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PHONE_NOT_REGISTERED') {
        setJoining({ phone: e164, code });
        return;
      }
      setProblem(explain(err));
    } finally {
      setBusy(false);
    }
  };

  if (joining) {
    return <JoinForm phone={joining.phone} code={joining.code} onBack={() => setJoining(null)} />;
  }

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

/**
 * First registration: a name and agreement to the membership terms and the privacy notice at the versions in force
 * (GET auth/agreements), each readable in a dialog; sent with the code that was just found to belong to no member.
 */
function JoinForm({ phone, code, onBack }: { phone: string; code: string; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [versions, setVersions] = useState<{ terms: string; privacy: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    agreementsInForce().then(
      (v) => live && setVersions(v),
      (err: unknown) => live && setProblem(errorMessage(err, lang)),
    );
    return () => {
      live = false;
    };
  }, [lang]);

  /** The notice being read, as a small page of its own over the form (no dialog: the sign-in chunk stays light). */
  const [reading, setReading] = useState<'terms' | 'privacy' | null>(null);

  const join = async () => {
    setProblem(null);
    if (!name.trim()) {
      setProblem(t('member.join.nameMissing'));
      return;
    }
    if (!agreed || !versions) {
      setProblem(t('member.join.agreeMissing'));
      return;
    }
    setBusy(true);
    try {
      await registerWithCode({ phone, code, name: name.trim(), agreements: versions });
    } catch (err) {
      const known = err instanceof ApiError ? err.code : '';
      setProblem(known === 'SIGN_IN_CODE_INVALID' ? t('member.signIn.wrongCode') : errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  };

  if (reading) {
    return (
      <main className="m-main">
        <section className="m-section" role="dialog" aria-modal="true" aria-labelledby="m-notice">
          <h2 id="m-notice">{t(reading === 'terms' ? 'member.join.terms' : 'member.join.privacy')}</h2>
          <p style={{ lineHeight: 1.7 }}>{t(reading === 'terms' ? 'member.join.termsText' : 'member.join.privacyText')}</p>
          {versions && <p className="m-muted">{t('member.join.version', { version: versions[reading] })}</p>}
          <Button block color="primary" onClick={() => setReading(null)}>
            {t('member.join.close')}
          </Button>
        </section>
      </main>
    );
  }

  return (
    <main className="m-main">
      <section className="m-section" aria-labelledby="m-join">
        <h2 id="m-join">{t('member.join.title')}</h2>
        <p className="m-muted">{t('member.join.intro', { phone })}</p>
        {problem && (
          <div role="alert">
            <NoticeBar color="error" content={problem} wrap style={{ marginBottom: 12 }} />
          </div>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void join();
          }}
        >
          <div className="m-field">
            <label htmlFor="m-name">{t('member.join.name')}</label>
            <Input
              id="m-name"
              autoComplete="name"
              aria-label={t('member.join.name')}
              placeholder={t('member.join.nameHint')}
              value={name}
              onChange={setName}
              maxLength={60}
            />
          </div>
          <div className="m-agree">
            <input
              id="m-agree"
              type="checkbox"
              checked={agreed}
              onChange={(event) => {
                setAgreed(event.target.checked);
                setProblem(null);
              }}
              aria-label={`${t('member.join.agreePrefix')} ${t('member.join.terms')} ${t('member.join.and')} ${t('member.join.privacy')}`}
            />
            <span>
              <label htmlFor="m-agree">{t('member.join.agreePrefix')}</label>{' '}
              <button type="button" className="m-link" onClick={() => setReading('terms')}>
                {t('member.join.terms')}
              </button>{' '}
              {t('member.join.and')}{' '}
              <button type="button" className="m-link" onClick={() => setReading('privacy')}>
                {t('member.join.privacy')}
              </button>
            </span>
          </div>
          <div className="m-actions" style={{ marginTop: 16 }}>
            <Button block color="primary" loading={busy} disabled={!versions} onClick={() => void join()}>
              {t('member.join.submit')}
            </Button>
            <Button block fill="none" onClick={onBack}>
              {t('common.back')}
            </Button>
          </div>
        </form>
      </section>
    </main>
  );
}
