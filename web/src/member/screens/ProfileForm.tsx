import { Button, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { useUpdateProfile, type ProfileChange } from '../queries';
import type { Schemas } from '../../shared/api';

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
type Gender = (typeof GENDERS)[number];

/** Editing name, birthday, gender and city; only what changed is sent (PATCH me), an emptied field is cleared. */
export function ProfileForm({ profile, onDone }: { profile: Schemas['ProfileResponse']; onDone: () => void }) {
  const { t, lang } = useI18n();
  const update = useUpdateProfile();
  const [name, setName] = useState(profile.name ?? '');
  const [birthday, setBirthday] = useState(profile.birthday ?? '');
  const [gender, setGender] = useState<Gender | null>(
    (GENDERS as readonly string[]).includes(profile.gender ?? '') ? (profile.gender as Gender) : null,
  );
  const [city, setCity] = useState(profile.city ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);

  const save = async () => {
    setProblem(null);
    if (!name.trim()) {
      setProblem(t('member.join.nameMissing'));
      return;
    }
    if (birthday && (!/^\d{4}-\d{2}-\d{2}$/.test(birthday) || birthday > today || birthday < '1900-01-01')) {
      setProblem(t('member.profile.birthdayInvalid'));
      return;
    }
    const change: ProfileChange = {};
    if (name.trim() !== (profile.name ?? '')) {
      change.name = name.trim();
    }
    if (birthday !== (profile.birthday ?? '')) {
      change.birthday = birthday || null;
    }
    if (gender !== (profile.gender ?? null)) {
      change.gender = gender;
    }
    if (city.trim() !== (profile.city ?? '')) {
      change.city = city.trim() || null;
    }
    if (Object.keys(change).length === 0) {
      onDone();
      return;
    }
    try {
      await update.mutateAsync(change);
      Toast.show({ content: t('member.profile.saved') });
      onDone();
    } catch (err) {
      setProblem(errorMessage(err, lang));
    }
  };

  return (
    <form
      className="m-profile-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {problem && (
        <p role="alert" className="m-minus" style={{ whiteSpace: 'normal' }}>
          {problem}
        </p>
      )}
      <div className="m-field">
        <label htmlFor="m-p-name">{t('member.profile.name')}</label>
        <Input id="m-p-name" aria-label={t('member.profile.name')} value={name} onChange={setName} maxLength={60} autoComplete="name" />
      </div>
      <div className="m-field">
        <label htmlFor="m-p-birthday">{t('member.profile.birthday')}</label>
        <input
          id="m-p-birthday"
          className="m-native-input"
          type="date"
          min="1900-01-01"
          max={today}
          value={birthday}
          onChange={(event) => setBirthday(event.target.value)}
        />
      </div>
      <div className="m-field">
        <span className="m-label" id="m-p-gender">
          {t('member.profile.gender')}
        </span>
        <div className="m-segments" role="group" aria-labelledby="m-p-gender" style={{ padding: 0, flexWrap: 'wrap' }}>
          {GENDERS.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={gender === g}
              className={gender === g ? 'm-segment m-segment-on' : 'm-segment'}
              onClick={() => setGender(g)}
            >
              {t(`member.profile.gender.${g}` as MessageKey)}
            </button>
          ))}
        </div>
      </div>
      <div className="m-field">
        <label htmlFor="m-p-city">{t('member.profile.city')}</label>
        <Input id="m-p-city" aria-label={t('member.profile.city')} value={city} onChange={setCity} maxLength={60} />
      </div>
      <div className="m-actions">
        <Button block color="primary" type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Button block fill="none" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
