import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server (MariaDB, Redis) that can fake the
 * server's failures without touching the server:
 * - pass: bytes flow both ways.
 * - refuse: the listener is closed (new connections get ECONNREFUSED) and every
 *   open connection is cut, as when the server goes down.
 * - freeze: connections stay open (new ones are even accepted) but no byte
 *   moves either way, as when the server or the network hangs. Back in pass,
 *   held bytes flow on; a client that gave up meanwhile has its server side
 *   closed then, as a healed network would.
 */
export type ProxyMode = 'pass' | 'refuse' | 'freeze';

interface Pair {
  client: Socket;
  upstream: Socket | null;
}

export class TcpProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private mode: ProxyMode = 'pass';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    await this.listen(0);
    return this.port;
  }

  get currentMode(): ProxyMode {
    return this.mode;
  }

  async setMode(mode: ProxyMode): Promise<void> {
    const previous = this.mode;
    this.mode = mode;
    if (mode === 'refuse') {
      // server.close() calls back only once every connection is gone: cut them first.
      const closed = this.closeListener();
      for (const pair of this.pairs) {
        this.cut(pair);
      }
      await closed;
      return;
    }
    if (previous === 'refuse') {
      await this.listen(this.port);
    }
    if (mode === 'freeze') {
      for (const pair of this.pairs) {
        pair.client.pause();
        pair.upstream?.pause();
      }
      return;
    }
    for (const pair of this.pairs) {
      if (pair.client.destroyed) {
        this.cut(pair);
        continue;
      }
      if (!pair.upstream) {
        this.connectUpstream(pair);
      }
      pair.client.resume();
      pair.upstream?.resume();
    }
  }

  async close(): Promise<void> {
    await this.setMode('refuse');
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((client) => this.accept(client));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        this.server = server;
        const address = server.address();
        this.port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  }

  private closeListener(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    const pair: Pair = { client, upstream: null };
    this.pairs.add(pair);
    client.on('error', () => undefined);
    client.on('data', (chunk) => pair.upstream?.write(chunk));
    client.on('close', () => {
      // While frozen the far side cannot learn of the close; it does when the proxy passes again.
      if (this.mode !== 'freeze') {
        this.cut(pair);
      }
    });
    if (this.mode === 'freeze') {
      client.pause();
      return;
    }
    this.connectUpstream(pair);
  }

  private connectUpstream(pair: Pair): void {
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    pair.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('data', (chunk) => pair.client.write(chunk));
    upstream.on('close', () => {
      if (this.mode !== 'freeze') {
        this.cut(pair);
      }
    });
    pair.client.on('end', () => upstream.end());
  }

  private cut(pair: Pair): void {
    pair.client.destroy();
    pair.upstream?.destroy();
    this.pairs.delete(pair);
  }
}
