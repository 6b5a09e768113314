import { DomainError } from '../../../common/errors/domain-error';
import { agreementsOf } from './agreements';

describe('agreementsOf', () => {
  const current = { terms: '2026-06', privacy: '2026-05' };

  it('gives each document with the version agreed to when both are the versions in force', () => {
    expect(agreementsOf({ terms: '2026-06', privacy: '2026-05' }, current)).toEqual([
      { document: 'terms', version: '2026-06' },
      { document: 'privacy', version: '2026-05' },
    ]);
  });

  it('refuses a missing agreement and an old version, naming each document and the version in force', () => {
    let error: unknown;
    try {
      agreementsOf({ terms: '2025-01' }, current);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain('agreements.terms = "2026-06"');
    expect(e.message).toContain('agreements.privacy = "2026-05"');
    expect(e.details).toEqual([
      { field: 'agreements.terms', message: 'version 2026-06 is in force' },
      { field: 'agreements.privacy', message: 'must be agreed to' },
    ]);
  });

  it('refuses a registration without agreements', () => {
    expect(() => agreementsOf(undefined, current)).toThrow(DomainError);
  });
});
