import { QRCodeSVG } from '@rc-component/qrcode';
import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';

/**
 * The scannable codes the page shows at the till (member code, coupons): Code 128 drawn by JsBarcode without the
 * text under it (the page prints the code itself, grouped for reading aloud), and a QR code. Loaded only with the
 * screens that show them (the member code, My coupons, a coupon).
 */
export function Barcode({ value, label, height = 80 }: { value: string; label: string; height?: number }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current) {
      JsBarcode(ref.current, value, { format: 'CODE128', displayValue: false, height, width: 2, margin: 0 });
    }
  }, [value, height]);
  return <svg ref={ref} role="img" aria-label={label} data-value={value} />;
}

export function QrCode({ value, label, size }: { value: string; label: string; size: number }) {
  return <QRCodeSVG value={value} size={size} level="M" role="img" aria-label={label} data-value={value} />;
}
