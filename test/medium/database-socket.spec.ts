import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';

/**
 * DATABASE_URL `?socket=`: the app's data source connects through the server's Unix socket, not TCP. The host is
 * set to a name that cannot resolve, so a connection that works went through the socket.
 */
describe('database over a Unix socket', () => {
  it('connects through the socket the server reports, ignoring host and port', async () => {
    const tcp = new DataSource({ ...dataSourceOptions({ ...loadConfig().database, poolSize: 1 }) });
    await tcp.initialize();
    const [{ socket }] = await tcp.query<Array<{ socket: string }>>('SELECT @@socket AS socket');
    await tcp.destroy();

    const viaSocket = new DataSource(
      dataSourceOptions({ ...loadConfig().database, host: 'no-such-host.invalid', port: 1, socketPath: socket, poolSize: 1 }),
    );
    if (!existsSync(socket)) {
      // A database server on another host: its socket is not here, and the driver says so rather than falling back to TCP.
      await expect(viaSocket.initialize()).rejects.toThrow(/ENOENT/);
      return;
    }
    await viaSocket.initialize();
    try {
      const [row] = await viaSocket.query<Array<{ one: string }>>('SELECT 1 AS one');
      expect(Number(row.one)).toBe(1);
      const [{ migrations }] = await viaSocket.query<Array<{ migrations: string }>>('SELECT COUNT(*) AS migrations FROM migrations');
      expect(Number(migrations)).toBeGreaterThan(0);
    } finally {
      await viaSocket.destroy();
    }
  });
});
