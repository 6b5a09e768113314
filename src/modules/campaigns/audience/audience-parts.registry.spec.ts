import { AUDIENCE_PART_KINDS, audiencePartKind } from './audience-parts.registry';

describe('audience parts registry', () => {
  it('lists each kind once, keyed by its type, with a schema whose name says it is an audience part', () => {
    const types = AUDIENCE_PART_KINDS.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    for (const kind of AUDIENCE_PART_KINDS) {
      expect(audiencePartKind(kind.type)).toBe(kind);
      expect(kind.schema.name).toMatch(/AudiencePart$/);
    }
    expect(audiencePartKind('everyone')).toBeUndefined();
  });
});
