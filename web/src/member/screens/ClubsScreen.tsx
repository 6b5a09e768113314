import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import { clubName } from '../model';
import { useClubChange, useClubs, type Club } from '../queries';
import { Loaded } from './common';

/** My clubs (leave) and open clubs (join). */
export function ClubsScreen() {
  const { t } = useI18n();
  const clubs = useClubs();
  return (
    <Loaded query={clubs} label={t('member.tab.clubs')}>
      {(items) => {
        const mine = items.filter((c) => c.membership === 'member');
        const open = items.filter((c) => c.membership !== 'member' && c.canJoin);
        return (
          <>
            <section className="m-section" aria-labelledby="m-clubs-mine" style={{ padding: '16px 0' }}>
              <h2 id="m-clubs-mine" style={{ padding: '0 16px' }}>
                {t('member.clubs.mine')}
              </h2>
              {mine.length === 0 ? (
                <p className="m-muted" style={{ padding: '0 16px' }}>
                  {t('member.clubs.noneMine')}
                </p>
              ) : (
                <List>
                  {mine.map((c) => (
                    <ClubItem key={c.clubId} club={c} />
                  ))}
                </List>
              )}
            </section>
            <section className="m-section" aria-labelledby="m-clubs-open" style={{ padding: '16px 0' }}>
              <h2 id="m-clubs-open" style={{ padding: '0 16px' }}>
                {t('member.clubs.open')}
              </h2>
              {open.length === 0 ? (
                <p className="m-muted" style={{ padding: '0 16px' }}>
                  {t('member.clubs.noneOpen')}
                </p>
              ) : (
                <List>
                  {open.map((c) => (
                    <ClubItem key={c.clubId} club={c} />
                  ))}
                </List>
              )}
            </section>
          </>
        );
      }}
    </Loaded>
  );
}

function ClubItem({ club }: { club: Club }) {
  const { t, lang } = useI18n();
  const change = useClubChange();
  const name = clubName(club, lang);
  const act = async (action: 'join' | 'leave') => {
    if (
      action === 'leave' &&
      !(await Dialog.confirm({
        content: t('member.clubs.leaveConfirm', { club: name }),
        confirmText: t('member.clubs.leave'),
        cancelText: t('common.cancel'),
      }))
    ) {
      return;
    }
    try {
      await change.mutateAsync({ clubId: club.clubId, action });
      Toast.show({ content: t(action === 'join' ? 'member.clubs.joined' : 'member.clubs.left', { club: name }) });
    } catch (err) {
      Toast.show({ content: t('common.error', { message: (err as Error).message }) });
    }
  };
  return (
    <List.Item
      description={club.description ?? undefined}
      extra={
        club.canLeave ? (
          <Button
            size="small"
            loading={change.isPending}
            aria-label={t('member.clubs.leaveLabel', { club: name })}
            onClick={() => void act('leave')}
          >
            {t('member.clubs.leave')}
          </Button>
        ) : club.canJoin ? (
          <Button
            size="small"
            color="primary"
            loading={change.isPending}
            aria-label={t('member.clubs.joinLabel', { club: name })}
            onClick={() => void act('join')}
          >
            {t('member.clubs.join')}
          </Button>
        ) : (
          <Tag>{t('member.clubs.automatic')}</Tag>
        )
      }
    >
      {name}
    </List.Item>
  );
}
