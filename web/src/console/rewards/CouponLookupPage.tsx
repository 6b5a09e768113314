import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { Ledger } from '../members/Ledger';
import { MemberArchive } from '../members/MemberArchive';
import { useMemberDetail } from '../members/queries';
import { useCoupon, useStoreOptions, useVoidCoupon, type Coupon } from './queries';
import { maskName, maskPhone, valueInWords } from './terms';

type CouponStatus = 'active' | 'redeemed' | 'expired' | 'void';

const STATUS_COLOR: Record<CouponStatus, string> = { active: 'green', redeemed: 'blue', expired: 'default', void: 'red' };

/** Support and admins: a coupon by its code — who holds it (masked, with the archive a click away), its terms and use — and voiding it. */
export function CouponLookupPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const coupon = useCoupon(code);
  return (
    <section>
      <Typography.Title level={3}>{t('nav.coupons')}</Typography.Title>
      <Input.Search
        aria-label={t('coupons.code')}
        placeholder={t('coupons.codeHint')}
        allowClear
        enterButton={t('coupons.lookUp')}
        onSearch={(v) => setCode(v.replace(/\s+/g, '').toUpperCase())}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      {code === '' ? (
        <Typography.Paragraph type="secondary">{t('coupons.intro')}</Typography.Paragraph>
      ) : coupon.isPending ? (
        <Spin aria-label={t('common.loading')} />
      ) : coupon.error ? (
        coupon.error instanceof ApiError && (coupon.error.code === 'COUPON_NOT_FOUND' || coupon.error.status === 400) ? (
          <Empty description={t('coupons.notFound', { code })} />
        ) : (
          <Alert type="error" role="alert" title={t('common.error', { message: coupon.error.message })} />
        )
      ) : (
        <CouponCard coupon={coupon.data} />
      )}
    </section>
  );
}

function CouponCard({ coupon }: { coupon: Coupon }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const drawerSize = useDrawerSize();
  const member = useMemberDetail(coupon.memberId);
  const stores = useStoreOptions();
  const voiding = useVoidCoupon(coupon.code);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const status = coupon.status;
  const storeNames =
    coupon.storeIds === null
      ? t('coupons.allStores')
      : coupon.storeIds
          .map((id) => stores.data?.find((s) => s.storeId === id)?.name ?? t('coupons.unknownStore'))
          .join(lang === 'zh-CN' ? '、' : ', ');
  const source =
    coupon.source === 'exchange'
      ? t('coupons.source.exchange', { points: formatPoints(coupon.pointsPaid, lang) })
      : t(`coupons.source.${coupon.source}`);
  const confirmVoid = () => {
    let reason = '';
    const instance = modal.confirm({
      title: t('coupons.voidTitle', { code: coupon.code }),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph data-testid="void-points-note" style={{ marginBottom: 0 }}>
            {coupon.pointsPaid > 0
              ? t('coupons.voidGivesBack', { points: formatPoints(coupon.pointsPaid, lang) })
              : t('coupons.voidNoPoints')}
          </Typography.Paragraph>
          <Typography.Text strong>{t('coupons.voidReason')}</Typography.Text>
          <Input.TextArea
            aria-label={t('coupons.voidReason')}
            placeholder={t('coupons.voidReasonHint')}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(e) => {
              reason = e.target.value;
              instance.update({ okButtonProps: { danger: true, disabled: reason.trim() === '' } });
            }}
          />
        </Space>
      ),
      okText: t('coupons.void'),
      okButtonProps: { danger: true, disabled: true },
      cancelText: t('common.cancel'),
      onOk: () => voiding.mutateAsync(reason.trim()),
    });
  };
  return (
    <Card
      size="small"
      data-testid="coupon-card"
      title={
        <Space wrap>
          <Typography.Text strong copyable>
            {coupon.code}
          </Typography.Text>
          <Tag color={STATUS_COLOR[status]}>{t(`coupons.status.${status}`)}</Tag>
        </Space>
      }
      extra={
        can('coupons.void') &&
        status === 'active' && (
          <Button danger onClick={confirmVoid} loading={voiding.isPending}>
            {t('coupons.void')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {voiding.isSuccess && (
          <Alert
            type="success"
            data-testid="void-done"
            title={
              voiding.data.pointsReturned > 0
                ? t('coupons.voidedWithPoints', { points: formatPoints(voiding.data.pointsReturned, lang) })
                : t('coupons.voided')
            }
          />
        )}
        {voiding.error && <Alert type="error" role="alert" title={voiding.error.message} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('coupons.reward')}>{lang === 'zh-CN' ? coupon.nameZh : coupon.nameEn}</Descriptions.Item>
          <Descriptions.Item label={t('coupons.value')}>{valueInWords(coupon, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('coupons.member')}>
            <Space wrap>
              <span data-testid="coupon-member">
                {member.data ? `${maskName(member.data.name)} · ${maskPhone(member.data.phone)}` : member.isPending ? '…' : '—'}
              </span>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setArchiveOpen(true)}>
                {t('coupons.openArchive')}
              </Button>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('coupons.source')}>{source}</Descriptions.Item>
          <Descriptions.Item label={t('coupons.validity')}>
            {formatDateTime(coupon.validFrom, lang)} – {formatDateTime(coupon.validUntil, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('coupons.stores')}>{storeNames}</Descriptions.Item>
          <Descriptions.Item label={t('coupons.issuedAt')}>{formatDateTime(coupon.issuedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('coupons.used')}>
            {coupon.redeemedAt ? formatDateTime(coupon.redeemedAt, lang) : t('coupons.notUsed')}
          </Descriptions.Item>
          {coupon.voidedAt && (
            <Descriptions.Item label={t('coupons.voidedAt')} span={2}>
              {formatDateTime(coupon.voidedAt, lang)} · {coupon.voidReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Space>
      <Drawer open={archiveOpen} onClose={() => setArchiveOpen(false)} title={t('coupons.memberArchive')} size={drawerSize} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <MemberArchive memberId={coupon.memberId} />
          <Ledger memberId={coupon.memberId} />
        </Space>
      </Drawer>
    </Card>
  );
}
