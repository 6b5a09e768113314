import { Button, Dialog, Input, Toast } from 'antd-mobile';
import { ExclamationShieldOutline, LeftOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { downloadMyData, forgetSignIn, requestErasure, usePoints } from '../queries';

/**
 * Privacy, off the main Me screen: download my data, and erasure in two steps: a warning that says what is lost
 * (the points by number), then a dialog that needs the word typed before it deletes anything.
 */
export function PrivacyScreen() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const points = usePoints();
  const [step, setStep] = useState<'idle' | 'warned' | 'confirm'>('idle');
  const [word, setWord] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const failure = (err: unknown) =>
    err instanceof ApiError && err.code === 'NOT_AVAILABLE' ? t('member.data.notAvailable') : errorMessage(err, lang);

  const download = async () => {
    setProblem(null);
    try {
      await downloadMyData();
      Toast.show({ content: t('member.data.exported') });
    } catch (err) {
      setProblem(failure(err));
    }
  };

  const erase = async () => {
    setProblem(null);
    try {
      await requestErasure();
      setStep('idle');
      Toast.show({ content: t('member.data.erased'), duration: 3000 });
      forgetSignIn();
    } catch (err) {
      setStep('idle');
      setProblem(failure(err));
    }
  };

  return (
    <>
      <div className="m-subnav">
        <button type="button" className="m-back" onClick={() => void navigate('/me')}>
          <LeftOutline aria-hidden="true" /> {t('member.back')}
        </button>
        <h2 className="m-subnav-title">{t('member.privacy.title')}</h2>
      </div>
      {problem && (
        <p role="alert" className="m-minus m-section" style={{ whiteSpace: 'normal' }}>
          {problem}
        </p>
      )}
      <section className="m-section" aria-labelledby="m-export">
        <h2 id="m-export">{t('member.privacy.exportTitle')}</h2>
        <p className="m-muted">{t('member.privacy.exportIntro')}</p>
        <Button block onClick={() => void download()}>
          {t('member.data.export')}
        </Button>
      </section>

      <section className="m-section m-danger-zone" aria-labelledby="m-erase">
        <h2 id="m-erase">{t('member.privacy.eraseTitle')}</h2>
        {step === 'idle' ? (
          <>
            <p className="m-muted">{t('member.privacy.eraseIntro')}</p>
            <Button block color="danger" fill="outline" onClick={() => setStep('warned')}>
              {t('member.data.erase')}
            </Button>
          </>
        ) : (
          <div role="region" aria-label={t('member.privacy.warningTitle')} className="m-warning">
            <div className="m-row" style={{ justifyContent: 'flex-start', alignItems: 'center' }}>
              <ExclamationShieldOutline fontSize={22} aria-hidden="true" />
              <strong>{t('member.privacy.warningTitle')}</strong>
            </div>
            <ul>
              <li>{t('member.privacy.warnPoints', { points: points.data ? formatPoints(points.data.balance, lang) : '…' })}</li>
              <li>{t('member.privacy.warnCards')}</li>
              <li>{t('member.privacy.warnTier')}</li>
              <li>{t('member.privacy.warnFinal')}</li>
            </ul>
            <div className="m-actions">
              <Button block color="danger" onClick={() => (setWord(''), setStep('confirm'))}>
                {t('member.privacy.continue')}
              </Button>
              <Button block onClick={() => setStep('idle')}>
                {t('member.privacy.keep')}
              </Button>
            </div>
          </div>
        )}
      </section>

      <Dialog
        visible={step === 'confirm'}
        title={t('member.data.eraseConfirmTitle')}
        onClose={() => setStep('warned')}
        content={
          <>
            <p>{t('member.data.eraseConfirm')}</p>
            <Input aria-label={t('member.data.eraseInput')} placeholder={t('member.data.eraseInput')} value={word} onChange={setWord} />
          </>
        }
        actions={[
          [
            { key: 'cancel', text: t('common.cancel'), onClick: () => setStep('warned') },
            {
              key: 'erase',
              text: t('member.data.eraseOk'),
              danger: true,
              bold: true,
              disabled: word.trim() !== t('member.data.eraseWord'),
              onClick: () => void erase(),
            },
          ],
        ]}
      />
    </>
  );
}
