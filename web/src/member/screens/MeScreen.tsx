import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Input, List, Switch, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { LANGS, useI18n, type MessageKey } from '../../shared/i18n';
import { downloadMyData, forgetSignIn, requestErasure, useConsents, useProfile, useSetConsent } from '../queries';
import { signOutMember } from '../session';
import { Loaded } from './common';

const CHANNELS = ['sms', 'email', 'push', 'mail'];

/** My phone and language, marketing consents per channel, my data (download, erasure) and signing out. */
export function MeScreen() {
  const { t, lang, setLang } = useI18n();
  const profile = useProfile();
  const consents = useConsents();
  const setConsent = useSetConsent();
  const client = useQueryClient();
  const [erasing, setErasing] = useState(false);
  const [eraseWord, setEraseWord] = useState('');
  const [dataProblem, setDataProblem] = useState<string | null>(null);

  const failure = (err: unknown) =>
    err instanceof ApiError && err.code === 'NOT_AVAILABLE'
      ? t('member.data.notAvailable')
      : t('common.error', { message: (err as Error).message });

  const download = async () => {
    setDataProblem(null);
    try {
      await downloadMyData();
      Toast.show({ content: t('member.data.exported') });
    } catch (err) {
      setDataProblem(failure(err));
    }
  };

  const erase = async () => {
    setDataProblem(null);
    try {
      await requestErasure();
      setErasing(false);
      Toast.show({ content: t('member.data.erased'), duration: 3000 });
      forgetSignIn();
    } catch (err) {
      setErasing(false);
      setDataProblem(failure(err));
    }
  };

  const signOut = async () => {
    if (
      !(await Dialog.confirm({ content: t('member.signOut.confirm'), confirmText: t('member.signOut'), cancelText: t('common.cancel') }))
    ) {
      return;
    }
    await signOutMember(); // signed out here whatever the server says
    client.clear();
  };

  return (
    <>
      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-me">
        <h2 id="m-me" style={{ padding: '0 16px' }}>
          {t('member.tab.me')}
        </h2>
        <List>
          <List.Item extra={profile.data?.phone ?? '…'}>{t('member.profile.phone')}</List.Item>
          <List.Item
            extra={
              <span role="group" aria-label={t('member.profile.language')}>
                {LANGS.map((l) => (
                  <Button
                    key={l}
                    size="mini"
                    fill={l === lang ? 'solid' : 'outline'}
                    color={l === lang ? 'primary' : 'default'}
                    aria-pressed={l === lang}
                    onClick={() => setLang(l)}
                    style={{ marginLeft: 6 }}
                  >
                    {l === 'en' ? 'English' : '中文'}
                  </Button>
                ))}
              </span>
            }
          >
            {t('member.profile.language')}
          </List.Item>
        </List>
      </section>

      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-consents">
        <h2 id="m-consents" style={{ padding: '0 16px' }}>
          {t('member.consents.title')}
        </h2>
        <p className="m-muted" style={{ padding: '0 16px' }}>
          {t('member.consents.intro')}
        </p>
        <Loaded query={consents} label={t('member.consents.title')}>
          {(items) => (
            <List>
              {items
                .filter((c) => CHANNELS.includes(c.channel))
                .map((c) => {
                  const label = t(`member.consents.${c.channel}` as MessageKey);
                  return (
                    <List.Item
                      key={c.channel}
                      extra={
                        <Switch
                          checked={c.granted}
                          loading={setConsent.isPending && setConsent.variables?.channel === c.channel}
                          aria-label={label}
                          onChange={(granted) =>
                            void setConsent
                              .mutateAsync({ channel: c.channel, granted })
                              .then(() => Toast.show({ content: t('member.consents.saved') }))
                              .catch((err: Error) => Toast.show({ content: t('common.error', { message: err.message }) }))
                          }
                        />
                      }
                    >
                      {label}
                    </List.Item>
                  );
                })}
            </List>
          )}
        </Loaded>
      </section>

      <section className="m-section" aria-labelledby="m-data">
        <h2 id="m-data">{t('member.data.title')}</h2>
        {dataProblem && (
          <p role="alert" className="m-minus" style={{ whiteSpace: 'normal' }}>
            {dataProblem}
          </p>
        )}
        <div className="m-actions">
          <Button block onClick={() => void download()}>
            {t('member.data.export')}
          </Button>
          <Button block color="danger" fill="outline" onClick={() => (setEraseWord(''), setErasing(true))}>
            {t('member.data.erase')}
          </Button>
          <Button block onClick={() => void signOut()}>
            {t('member.signOut')}
          </Button>
        </div>
      </section>

      <Dialog
        visible={erasing}
        title={t('member.data.eraseConfirmTitle')}
        onClose={() => setErasing(false)}
        content={
          <>
            <p>{t('member.data.eraseConfirm')}</p>
            <Input
              aria-label={t('member.data.eraseInput')}
              placeholder={t('member.data.eraseInput')}
              value={eraseWord}
              onChange={setEraseWord}
            />
          </>
        }
        actions={[
          [
            { key: 'cancel', text: t('common.cancel'), onClick: () => setErasing(false) },
            {
              key: 'erase',
              text: t('member.data.eraseOk'),
              danger: true,
              bold: true,
              disabled: eraseWord.trim() !== t('member.data.eraseWord'),
              onClick: () => void erase(),
            },
          ],
        ]}
      />
    </>
  );
}
