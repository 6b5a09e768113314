import { ConfigError, loadConfig, loadDatabaseConfig } from './app-config';

const required = {
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'long-enough-password',
  JWT_SECRET: 'x'.repeat(32),
};

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(required);
    expect(c.port).toBe(3000);
    expect(c.database).toMatchObject({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'loyalty' });
    expect(c.queuePrefix).toBe('{loyalty}');
    expect(c.program.excludedCategories).toEqual(['tobacco', 'gift_card']);
    expect(c.program.allowNegativeBalance).toBe(true);
  });

  it('names every missing or wrong variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', QUEUE_PREFIX: 'loyalty' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'JWT_SECRET', 'QUEUE_PREFIX', 'ADMIN_EMAIL: is required', 'ADMIN_PASSWORD: is required']) {
      expect(message).toContain(name);
    }
  });

  it('reads typed values from strings', () => {
    const c = loadConfig({ ...required, PORT: '8080', PROGRAM_ALLOW_NEGATIVE_BALANCE: 'false', ACTIVE_WORKERS: 'points-expiry' });
    expect(c.port).toBe(8080);
    expect(c.program.allowNegativeBalance).toBe(false);
    expect(c.isWorkerActive('points-expiry')).toBe(true);
    expect(c.isWorkerActive('campaigns')).toBe(false);
  });

  it('ACTIVE_WORKERS takes known queue names or all, and refuses an unknown name at boot', () => {
    expect(loadConfig({ ...required, ACTIVE_WORKERS: 'points-expiry, points-release' }).activeWorkers).toEqual([
      'points-expiry',
      'points-release',
    ]);
    expect(loadConfig({ ...required, ACTIVE_WORKERS: 'all' }).activeWorkers).toBe('all');
    expect(() => loadConfig({ ...required, ACTIVE_WORKERS: 'points-expiry,campaigns-typo' })).toThrow(
      /ACTIVE_WORKERS must be "all" or a comma-separated list of: points-expiry, points-release/,
    );
  });

  it('the command-line tools read only the database variables: no console secrets needed', () => {
    const db = loadDatabaseConfig({ DATABASE_URL: 'mysql://u:p%40ss@db.local:3307/shop' });
    expect(db).toMatchObject({ host: 'db.local', port: 3307, user: 'u', password: 'p@ss', database: 'shop' });
    expect(() => loadDatabaseConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
  });

  it('DATABASE_URL ?socket= connects through a Unix socket; without it, over TCP', () => {
    const sock = loadDatabaseConfig({ DATABASE_URL: 'mysql://root:@localhost/shop?socket=%2Frun%2Fmysqld%2Fmysqld.sock' });
    expect(sock).toMatchObject({ database: 'shop', socketPath: '/run/mysqld/mysqld.sock' });
    expect(loadDatabaseConfig({ DATABASE_URL: 'mysql://root:@127.0.0.1:3306/shop' }).socketPath).toBeUndefined();
  });
});
