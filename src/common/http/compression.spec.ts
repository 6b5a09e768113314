import { negotiateEncoding } from './compression';

const accepting = (header?: string) => negotiateEncoding({ headers: header === undefined ? {} : { 'accept-encoding': header } });

describe('negotiateEncoding (Accept-Encoding, by negotiator)', () => {
  it('prefers Brotli when the client accepts both equally, as Chromium over HTTPS does', () => {
    expect(accepting('gzip, deflate, br, zstd')).toBe('br');
  });

  it('sends gzip to a client that does not name br (Chromium over plain http)', () => {
    expect(accepting('gzip, deflate')).toBe('gzip');
  });

  it('follows q-values and treats q=0 as a refusal', () => {
    expect(accepting('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(accepting('gzip, br;q=0')).toBe('gzip');
    expect(accepting('br;q=0, gzip;q=0')).toBeNull();
  });

  it('reads * as any encoding not named', () => {
    expect(accepting('*')).toBe('br');
    expect(accepting('br;q=0, *')).toBe('gzip');
  });

  it('sends the answer as it is without the header, with identity only, or when nothing on offer is accepted', () => {
    expect(accepting(undefined)).toBeNull();
    expect(accepting('identity')).toBeNull();
    expect(accepting('deflate')).toBeNull();
  });
});
