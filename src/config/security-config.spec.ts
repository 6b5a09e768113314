import { ConfigError, loadConfig } from './app-config';

const required = {
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'long-enough-password',
  JWT_SECRET: 'x'.repeat(32),
};

describe('security configuration', () => {
  it('defaults: 15 min access tokens, current scrypt cost, lockout after 10 failures, 20 logins a minute, no trusted proxy', () => {
    const c = loadConfig(required);
    expect(c.jwt).toMatchObject({ ttlSeconds: 900, refreshTtlSeconds: 43200 });
    expect(c.passwordScryptLog2N).toBe(17);
    expect(c.loginLockout).toEqual({ maxFailures: 10, seconds: 900 });
    expect(c.rateLimit).toMatchObject({ loginPerMinute: 20, posUnauthenticatedPerMinute: 60 });
    expect(c.trustProxy).toBe(false);
  });

  it('TRUST_PROXY takes a hop count or a list of proxy addresses and subnets', () => {
    expect(loadConfig({ ...required, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...required, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it('TRUST_PROXY=true or junk stops the boot with the variable named', () => {
    for (const value of ['true', 'anything', '10.0.0.0/8; rm']) {
      expect(() => loadConfig({ ...required, TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...required, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });

  it('API docs are on outside production and off in production unless DOCS_ENABLED says so', () => {
    expect(loadConfig({ ...required, NODE_ENV: 'development' }).docsEnabled).toBe(true);
    expect(loadConfig({ ...required, NODE_ENV: 'production' }).docsEnabled).toBe(false);
    expect(loadConfig({ ...required, NODE_ENV: 'production', DOCS_ENABLED: 'true' }).docsEnabled).toBe(true);
    expect(loadConfig({ ...required, NODE_ENV: 'development', DOCS_ENABLED: 'false' }).docsEnabled).toBe(false);
  });

  it('a scrypt cost below 2^14 is refused', () => {
    expect(() => loadConfig({ ...required, PASSWORD_SCRYPT_LOG2N: '10' })).toThrow(/PASSWORD_SCRYPT_LOG2N/);
  });
});
