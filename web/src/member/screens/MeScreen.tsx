import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, Switch, Tag, Toast } from 'antd-mobile';
import { LockOutline, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMemberVoiceText } from './voice-text';
import { LANGS, useI18n, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { formatCardNo, formatDate } from '../model';
import { useConsents, useProfile, useSetConsent } from '../queries';
import { signOutMember } from '../session';
import { Loaded } from './common';
import { ProfileForm } from './ProfileForm';

const CHANNELS = ['sms', 'email', 'push', 'mail'];
const CARD_STATUSES = ['active', 'lost', 'frozen', 'replaced', 'inactive'];

/**
 * My profile (name, birthday, gender, city: editable), phone and language, marketing consents per channel, my cards,
 * the way to the Privacy page (download, erasure: kept off this screen) and signing out.
 */
export function MeScreen() {
  const { t, lang, setLang } = useI18n();
  const profile = useProfile();
  const consents = useConsents();
  const setConsent = useSetConsent();
  const client = useQueryClient();
  const navigate = useNavigate();
  const tv = useMemberVoiceText();
  const [editing, setEditing] = useState(false);

  const signOut = async () => {
    if (
      !(await Dialog.confirm({ content: t('member.signOut.confirm'), confirmText: t('member.signOut'), cancelText: t('common.cancel') }))
    ) {
      return;
    }
    await signOutMember(); // signed out here whatever the server says
    client.clear();
  };

  const gender = (g: string | null) => (g ? t(`member.profile.gender.${g}` as MessageKey) : t('member.profile.notGiven'));

  return (
    <>
      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-me">
        <div className="m-row" style={{ padding: '0 16px', alignItems: 'center' }}>
          <h2 id="m-me" style={{ margin: 0 }}>
            {t('member.profile.title')}
          </h2>
          {!editing && profile.data && (
            <Button size="small" fill="outline" color="primary" onClick={() => setEditing(true)}>
              {t('member.profile.edit')}
            </Button>
          )}
        </div>
        <Loaded query={profile} label={t('member.profile.title')}>
          {(p) =>
            editing ? (
              <ProfileForm profile={p} onDone={() => setEditing(false)} />
            ) : (
              <List style={{ marginTop: 8 }}>
                <List.Item extra={p.name ?? t('member.profile.notGiven')}>{t('member.profile.name')}</List.Item>
                <List.Item extra={p.birthday ? formatDate(`${p.birthday}T12:00:00`, lang) : t('member.profile.notGiven')}>
                  {t('member.profile.birthday')}
                </List.Item>
                <List.Item extra={gender(p.gender)}>{t('member.profile.gender')}</List.Item>
                <List.Item extra={p.city ?? t('member.profile.notGiven')}>{t('member.profile.city')}</List.Item>
                <List.Item extra={p.phone ?? '…'} description={t('member.profile.phoneHint')}>
                  {t('member.profile.phone')}
                </List.Item>
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
            )
          }
        </Loaded>
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
                              .catch((err: unknown) => Toast.show({ content: errorMessage(err, lang) }))
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

      <section className="m-section" style={{ padding: '16px 0' }} aria-labelledby="m-my-cards">
        <h2 id="m-my-cards" style={{ padding: '0 16px' }}>
          {t('member.profile.cards')}
        </h2>
        <Loaded query={profile} label={t('member.profile.cards')}>
          {(p) => (
            <List>
              {p.cards.map((c) => (
                <List.Item
                  key={c.cardNo}
                  data-testid="me-card"
                  description={formatDate(c.issuedAt, lang)}
                  extra={
                    <Tag color={c.status === 'active' ? 'success' : 'default'}>
                      {t(`member.card.status.${CARD_STATUSES.includes(c.status) ? c.status : 'inactive'}` as MessageKey)}
                    </Tag>
                  }
                  onClick={() => void navigate('/card')}
                >
                  {formatCardNo(c.cardNo)}
                </List.Item>
              ))}
            </List>
          )}
        </Loaded>
      </section>

      <section className="m-section" style={{ padding: 0, overflow: 'hidden' }}>
        <List>
          <List.Item
            prefix={<LockOutline aria-hidden="true" fontSize={20} />}
            arrowIcon={<RightOutline />}
            description={t('member.privacy.entryHint')}
            onClick={() => void navigate('/me/privacy')}
          >
            {t('member.privacy.title')}
          </List.Item>
          <List.Item arrowIcon={<RightOutline />} onClick={() => void navigate('/me/complaints')} data-testid="me-complaints">
            {tv('cp.title')}
          </List.Item>
        </List>
      </section>

      <Button block onClick={() => void signOut()}>
        {t('member.signOut')}
      </Button>
    </>
  );
}
