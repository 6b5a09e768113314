import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { formatCardNo, formatDate } from '../model';
import { useCards, useReportLost } from '../queries';
import { Loaded } from './common';

const STATUSES = ['active', 'lost', 'frozen', 'replaced', 'inactive'];

/** The active card as a Code 128 barcode for the till, earlier cards, and reporting the card lost. */
export function CardScreen() {
  const { t, lang } = useI18n();
  const cards = useCards();
  const reportLost = useReportLost();
  const status = (s: string) => t((STATUSES.includes(s) ? `member.card.status.${s}` : 'member.card.status.inactive') as MessageKey);

  const report = async (cardNo: string) => {
    const confirmed = await Dialog.confirm({
      title: t('member.card.reportLost'),
      content: t('member.card.reportLostConfirm', { cardNo: formatCardNo(cardNo) }),
      confirmText: t('member.card.reportLostOk'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) {
      return;
    }
    try {
      const answer = await reportLost.mutateAsync(cardNo);
      if (answer.replacementCardNo) {
        Toast.show({ content: t('member.card.replaced', { cardNo: formatCardNo(answer.replacementCardNo) }), duration: 3000 });
      }
    } catch (err) {
      Toast.show({ content: t('common.error', { message: (err as Error).message }) });
    }
  };

  return (
    <Loaded query={cards} label={t('member.card.title')}>
      {(items) => {
        const active = items.find((c) => c.status === 'active');
        const older = items.filter((c) => c !== active);
        return (
          <>
            <section className="m-section" aria-labelledby="m-card">
              <h2 id="m-card">{t('member.card.title')}</h2>
              {active ? (
                <>
                  <div className="m-card-face">
                    <div className="m-row">
                      <span>{t('member.title')}</span>
                      <Tag color="success">{status(active.status)}</Tag>
                    </div>
                    <div className="m-card-no" data-testid="active-card-no">
                      {formatCardNo(active.cardNo)}
                    </div>
                    <div className="m-barcode">
                      <Barcode value={active.cardNo} label={t('member.card.barcode', { cardNo: formatCardNo(active.cardNo) })} />
                    </div>
                  </div>
                  <p className="m-muted" style={{ textAlign: 'center' }}>
                    {t('member.card.show')}
                  </p>
                  <Button block color="danger" fill="outline" loading={reportLost.isPending} onClick={() => void report(active.cardNo)}>
                    {t('member.card.reportLost')}
                  </Button>
                </>
              ) : (
                <p className="m-muted">{t('member.card.none')}</p>
              )}
            </section>
            {older.length > 0 && (
              <section className="m-section" aria-labelledby="m-card-older" style={{ padding: '16px 0' }}>
                <h2 id="m-card-older" style={{ padding: '0 16px' }}>
                  {t('member.card.older')}
                </h2>
                <List>
                  {older.map((c) => (
                    <List.Item
                      key={c.cardNo}
                      data-testid="older-card"
                      description={[
                        formatDate(c.issuedAt, lang),
                        c.replacedBy ? t('member.card.replacedBy', { cardNo: formatCardNo(c.replacedBy) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      extra={<Tag>{status(c.status)}</Tag>}
                    >
                      {formatCardNo(c.cardNo)}
                    </List.Item>
                  ))}
                </List>
              </section>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

/** A Code 128 barcode drawn as SVG by JsBarcode (tills scan the 16 digits; subset C packs them into 8 symbols). */
function Barcode({ value, label }: { value: string; label: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current) {
      JsBarcode(ref.current, value, { format: 'CODE128', displayValue: true, height: 70, width: 2, margin: 4, fontSize: 16 });
    }
  }, [value]);
  return <svg ref={ref} role="img" aria-label={label} data-testid="card-barcode" data-value={value} />;
}
