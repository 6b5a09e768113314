import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureWebBuilt } from './browser/support/browser';
import { createMember, createStore, loginAdmin, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The pages' precompressed files and the API's compressed answers, read as bytes off the wire (no client decoding). */
describe('compressed pages and answers', () => {
  const dist = join(__dirname, '..', 'dist', 'web');
  let t: TestApp;
  let port: number;
  let asset: { url: string; raw: Buffer };

  beforeAll(async () => {
    ensureWebBuilt();
    // The last script the member page's HTML loads: its own start-up chunk, assets/m-start-<hash>.js.
    const scripts = [...readFileSync(join(dist, 'm', 'index.html'), 'utf8').matchAll(/<script[^>]* src="\/web\/(assets\/[^"]+\.js)"/g)];
    const file = scripts[scripts.length - 1][1];
    asset = { url: `/web/${file}`, raw: readFileSync(join(dist, file)) };
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t?.close();
  });

  function get(path: string, headers: Record<string, string>): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  function expectHashedAssetHeaders(res: Raw): void {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  }

  it('a hashed script is sent as its Brotli file to a browser that accepts br, with the script type, Vary and the immutable cache header', async () => {
    const res = await get(asset.url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expectHashedAssetHeaders(res);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBeLessThan(asset.raw.length / 2);
    expect(brotliDecompressSync(res.body).equals(asset.raw)).toBe(true);
  });

  it('a hashed script is sent gzipped to a browser that accepts only gzip (and not br when br has q=0)', async () => {
    for (const accept of ['gzip, deflate', 'gzip, br;q=0']) {
      const res = await get(asset.url, { 'Accept-Encoding': accept });
      expectHashedAssetHeaders(res);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).equals(asset.raw)).toBe(true);
    }
  });

  it('a hashed script is sent as it is to a client that accepts no compression', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }] as Array<Record<string, string>>) {
      const res = await get(asset.url, headers);
      expectHashedAssetHeaders(res);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.equals(asset.raw)).toBe(true);
    }
  });

  it("the pages' HTML is re-read on every visit (no-cache)", async () => {
    for (const page of ['/m/', '/console/', '/console/members']) {
      const res = await get(page, { 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  describe('API answers', () => {
    let token: string;
    let store: TestStore;

    beforeAll(async () => {
      token = await loginAdmin(t);
      store = await createStore(t);
      for (let i = 0; i < 12; i++) {
        // the store list grows past the 1 KiB threshold
        const code = uniq('Z').slice(0, 32);
        await t.http
          .post('/api/v1/admin/stores')
          .set('Authorization', `Bearer ${token}`)
          .send({ code, name: `Store ${code}` })
          .expect(201);
      }
    });

    it('a large JSON answer (the store list) is compressed for a client that accepts it, and identical once decoded', async () => {
      const headers = { Authorization: `Bearer ${token}` };
      const plain = await get('/api/v1/admin/stores', headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);

      const br = await get('/api/v1/admin/stores', { ...headers, 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^application\/json/);
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length);
      const decoded = JSON.parse(brotliDecompressSync(br.body).toString('utf8')) as { stores: unknown[] };
      expect(decoded.stores.length).toBe((JSON.parse(plain.body.toString('utf8')) as { stores: unknown[] }).stores.length);

      const gz = await get('/api/v1/admin/stores', { ...headers, 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(decoded);
    });

    it('a small POS answer (a member lookup, under 1 KiB) is sent uncompressed even to a client that accepts compression', async () => {
      const member = await createMember(t);
      const res = await get(`/api/v1/pos/members/lookup?cardNo=${encodeURIComponent(member.cardNo)}`, {
        Authorization: `Bearer ${store.key}`,
        'Accept-Encoding': 'gzip, deflate, br',
      });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThan(1024);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ memberId: member.memberId });
    });
  });
});
