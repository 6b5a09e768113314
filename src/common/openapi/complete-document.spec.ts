import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { completeDocument, GENERIC_TAG_DESCRIPTION, TAG_DESCRIPTIONS, UNICODE_PATTERN_NOTE } from './complete-document';

function document(paths: Record<string, Record<string, OperationObject>>, tags?: OpenAPIObject['tags']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: {}, ...(tags ? { tags } : {}) };
}

function op(operationId: string, extra: Partial<OperationObject> & Record<string, unknown> = {}): OperationObject {
  return { operationId, responses: {}, ...extra };
}

const noneUnguarded = { unguarded: new Set<string>() };

describe('completeDocument', () => {
  it('declares every tag in use, with its description from the table or the generic one, known tags first', () => {
    const doc = completeDocument(
      document({ '/a': { get: op('A_a', { tags: ['loyalty-experiments'] }) }, '/b': { post: op('B_b', { tags: ['pos', 'health'] }) } }),
      noneUnguarded,
    );
    expect(doc.tags).toEqual([
      { name: 'pos', description: TAG_DESCRIPTIONS.pos },
      { name: 'health', description: TAG_DESCRIPTIONS.health },
      { name: 'loyalty-experiments', description: GENERIC_TAG_DESCRIPTION },
    ]);
  });

  it('keeps the description of a tag declared in the builder and describes a declared tag that has none', () => {
    const doc = completeDocument(
      document({ '/a': { get: op('A_a', { tags: ['pos'] }) } }, [{ name: 'pos', description: 'Tills.' }, { name: 'x' }]),
      noneUnguarded,
    );
    expect(doc.tags).toEqual([
      { name: 'pos', description: 'Tills.' },
      { name: 'x', description: GENERIC_TAG_DESCRIPTION },
    ]);
  });

  it('marks security: [] only on operations of routes without a guard, including each path of a route with several', () => {
    const doc = completeDocument(
      document({
        '/health/ready': { get: op('HealthController_ready[0]') },
        '/health': { get: op('HealthController_ready[1]') },
        '/guarded': { get: op('AdminController_list') },
        '/unknown': { get: op('Unmatched_route') },
        '/declared': { get: op('HealthController_live', { security: [{ admin: [] }] }) },
      }),
      { unguarded: new Set(['HealthController_ready', 'HealthController_live']) },
    );
    expect(doc.paths['/health/ready'].get!.security).toEqual([]);
    expect(doc.paths['/health'].get!.security).toEqual([]);
    expect(doc.paths['/guarded'].get!.security).toBeUndefined();
    expect(doc.paths['/unknown'].get!.security).toBeUndefined();
    expect(doc.paths['/declared'].get!.security).toEqual([{ admin: [] }]);
  });

  it('derives a missing description from the summary and who may call the operation, and keeps a written one', () => {
    const doc = completeDocument(
      document({
        '/stores': {
          get: op('S_list', {
            summary: 'List stores',
            security: [{ admin: [] }],
            'x-permission': { permission: 'stores.manage', roles: ['admin'] },
          }),
        },
        '/pos': { post: op('P_post', { summary: 'Post a purchase; points accrue.', security: [{ pos: [] }] }) },
        '/login': { post: op('L_login', { summary: 'Sign in' }) },
        '/other': { get: op('O_get', { summary: 'Other', security: [{ partner: [] }] }) },
        '/written': { get: op('W_get', { summary: 'Written', description: 'By hand.' }) },
        '/bare': { get: op('B_get') },
      }),
      { unguarded: new Set(['L_login']) },
    );
    expect(doc.paths['/stores'].get!.description).toBe('List stores. Needs the console permission stores.manage (roles: admin).');
    expect(doc.paths['/pos'].post!.description).toBe(
      "Post a purchase; points accrue. Needs the store's API key (Authorization: Bearer <key>).",
    );
    expect(doc.paths['/login'].post!.description).toBe('Sign in. No credentials needed.');
    expect(doc.paths['/other'].get!.description).toBe('Other. Needs the partner credentials.');
    expect(doc.paths['/written'].get!.description).toBe('By hand.');
    expect(doc.paths['/bare'].get!.description).toBeUndefined();
  });

  it('moves a pattern with Unicode property escapes to x-unicode-pattern and says so once; an ordinary pattern stays', () => {
    const doc = document({});
    doc.info.description = 'API.';
    doc.components = {
      schemas: {
        TagsDto: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', pattern: '^[\\p{L}\\p{N}]{1,40}$' } } } },
        CardDto: {
          type: 'object',
          properties: { cardNo: { type: 'string', pattern: '^\\d{16}$' }, note: { type: 'string', pattern: '^a\\\\p{x}$' } },
        },
      },
    };
    completeDocument(doc, noneUnguarded);
    const tags = (doc.components.schemas!.TagsDto as Record<string, any>).properties.tags.items;
    expect(tags).toEqual({ type: 'string', 'x-unicode-pattern': '^[\\p{L}\\p{N}]{1,40}$' });
    const card = (doc.components.schemas!.CardDto as Record<string, any>).properties;
    expect(card.cardNo.pattern).toBe('^\\d{16}$');
    expect(card.note.pattern).toBe('^a\\\\p{x}$');
    expect(doc.info.description).toBe(`API. ${UNICODE_PATTERN_NOTE}`);
    expect(completeDocument(document({}), noneUnguarded).info.description).toBeUndefined();
  });
});
