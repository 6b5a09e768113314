import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, freePort, MAIN, ROOT } from './support/built-server';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(port: number): Run {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error('timed out');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('start-up of the built server', () => {
  let first: Run;
  let port: number;

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    first = startServer(port);
    await waitFor(() => first.output().includes('listening on'), 45_000).catch(() => undefined);
  }, 180_000);

  afterAll(async () => {
    if (first.child.exitCode === null) {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });

  it('prints one start-up line with the URL, the version and the workers, and no Nest framework lines at info', () => {
    const out = first.output();
    const startup = out.split('\n').filter((l) => l.includes('listening on'));
    expect(startup).toHaveLength(1);
    const entry = JSON.parse(startup[0]) as Record<string, unknown>;
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(entry).toMatchObject({ level: 30, url: `http://localhost:${port}`, version, workers: [] });
    expect(entry.msg).toContain(`http://localhost:${port}`);
    expect(entry.msg).toContain(version);
    expect(out).not.toMatch(/Mapped \{|RoutesResolver|RouterExplorer|InstanceLoader/);
  });

  it('a second server on the same port prints one sentence naming PORT and exits with code 1, without a stack trace', async () => {
    const second = startServer(port);
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain(`Port ${port} is already in use: set PORT to a free port.`);
    expect(second.output()).not.toMatch(/\n\s+at |EADDRINUSE|Error:/);
  }, 60_000);
});
