import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSource } from '../web/scripts/schema-source';
import { startTestApp, TestApp } from './support/test-app';

/** The web pages' typed client is generated from the OpenAPI document; a route or DTO changed without `npm run web:api` fails here. */
describe('web client types (web/src/api/schema.d.ts)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('equal what openapi-typescript makes of the live /docs-json (run npm run web:api when this fails)', async () => {
    const live = (await t.http.get('/docs-json').expect(200)).body;
    const committed = readFileSync(join(__dirname, '..', 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
    const fresh = schemaSource(live);
    expect(fresh.length).toBeGreaterThan(1000);
    const [a, b] = [committed.split('\n'), fresh.split('\n')];
    const at = a.length === b.length && a.every((line, i) => line === b[i]) ? -1 : a.findIndex((line, i) => line !== b[i]);
    expect({ firstDifferentLine: at === -1 ? null : at + 1, committed: a[at], fresh: b[at] }).toEqual({ firstDifferentLine: null });
  });
});
