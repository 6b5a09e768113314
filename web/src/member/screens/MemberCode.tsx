import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { CloseOutline } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { currentCode } from '../model';
import { useMemberCodes } from '../queries';
import { Barcode, QrCode } from './codes';

/**
 * The member code full screen, for the till's scanner: the code of this 30 s as a QR code and a Code 128 barcode, the
 * seconds until the next one, and a hint to turn the brightness up. Codes come 10 minutes at a time (GET me/member-code)
 * and are picked by the server's clock (the phone's + the offset measured), so a phone whose clock is off still shows
 * the code the till expects; asked again a minute before the last one ends. Loaded only when the member opens it.
 */
export function MemberCode({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const codes = useMemberCodes();
  const [now, setNow] = useState(() => Date.now());
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const data = codes.data;
  const shown = data ? currentCode(data.codes, now, data.offsetMs) : null;
  const { refetch, isFetching } = codes;
  useEffect(() => {
    if (!data || isFetching) {
      return;
    }
    if (!shown || Date.parse(data.refreshBefore) - (now + data.offsetMs) < 60_000) {
      void refetch();
    }
  }, [data, shown, now, isFetching, refetch]);

  const seconds = shown && data ? Math.max(0, Math.ceil((Date.parse(shown.showUntil) - (now + data.offsetMs)) / 1000)) : 0;

  return (
    <div className="m-code-screen" role="dialog" aria-modal="true" aria-labelledby="m-code-title">
      <div className="m-code-top">
        <h2 id="m-code-title">{t('member.code.title')}</h2>
        <button ref={closeRef} type="button" className="m-code-close" aria-label={t('member.code.close')} onClick={onClose}>
          <CloseOutline fontSize={24} />
        </button>
      </div>
      {codes.error ? (
        <ErrorBlock status="default" title={t('member.code.title')} description={errorMessage(codes.error, lang)}>
          <Button size="small" onClick={() => void refetch()}>
            {t('member.retry')}
          </Button>
        </ErrorBlock>
      ) : !shown ? (
        <div className="m-code-wait">
          <Skeleton.Paragraph lineCount={3} animated />
        </div>
      ) : (
        <div className="m-code-body">
          <div className="m-code-barcode">
            <Barcode value={shown.code} label={t('member.code.barcode')} />
          </div>
          <div className="m-code-qr">
            <QrCode value={shown.code} size={196} label={t('member.code.qr')} />
          </div>
          <div className="m-code-digits" data-testid="member-code">
            {shown.code.replace(/(\d{3})(?=\d)/g, '$1 ')}
          </div>
          <div className="m-code-countdown" aria-live="off">
            {t('member.code.countdown', { seconds })}
          </div>
          <p className="m-code-hint">{t('member.code.brightness')}</p>
          <p className="m-code-hint">{t('member.code.private')}</p>
        </div>
      )}
    </div>
  );
}
