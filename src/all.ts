import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { configOrExit, createApiApp, loadDotEnv, migrateIfEnabled } from './bootstrap';
import { activeQueues, appVersion, exitOnListenError } from './common/startup';
import { armShutdownWatchdog } from './common/shutdown-watchdog';
import { loadDemo } from './demo/demo-loader';
import { WorkerModule } from './worker.module';

/**
 * API and workers in one process: `npm start` for development and small
 * sites, `npm run demo` (with --demo) for a first look. Production runs
 * src/main.ts and src/worker.ts as separate processes.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const demo = process.argv.includes('--demo');
  if (demo) {
    // First look only: sensible stand-ins for the secrets a production start must be given.
    process.env.ADMIN_EMAIL ??= 'admin@demo.local';
    process.env.ADMIN_PASSWORD ??= 'demo-admin-password';
    process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  }
  const config = configOrExit();
  await migrateIfEnabled(config);
  const api = await createApiApp();
  const workers = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
  workers.useLogger(workers.get(Logger));
  workers.enableShutdownHooks();
  armShutdownWatchdog(config.shutdownTimeoutMs);
  try {
    await api.listen(config.port);
  } catch (err) {
    exitOnListenError(err, config.port);
    throw err;
  }
  const url = `http://localhost:${config.port}`;
  const queues = activeQueues(config);
  new NestLogger('Startup').log(
    { url, version: appVersion(), workers: queues },
    `Loyalty platform ${appVersion()} listening on ${url} with workers: ${queues.length > 0 ? queues.join(', ') : 'none'}`,
  );
  if (demo) {
    const info = await loadDemo(api);
    const base = `http://localhost:${config.port}`;
    const lines = [
      '',
      '=== Loyalty platform: first look ===',
      info.loaded
        ? 'Demo program loaded (store, members, purchases, rewards).'
        : info.apiKey
          ? 'Demo data was already there; here is a fresh key for the demo store.'
          : 'The database already holds data: no demo loaded.',
      `Console:         ${base}/console (sign in with the admin login below)`,
      `Member page:     ${base}/m${info.memberPhone ? ` (demo member phone ${info.memberPhone})` : ''}`,
      `API docs:        ${base}/docs`,
      `Health:          ${base}/health/ready`,
      `Metrics:         ${base}/metrics`,
      `Queues:          ${base}/admin/queues (admin email and password)`,
      `Admin login:     ${config.admin.email} / ${process.env.ADMIN_PASSWORD === 'demo-admin-password' ? 'demo-admin-password' : '(your ADMIN_PASSWORD)'}`,
    ];
    if (info.apiKey) {
      lines.push(`POS API key (${info.storeCode}): ${info.apiKey}`, `Member cards:    ${info.cardNos.join(', ')}`, '', 'Try:');
      lines.push(`  curl -s -H 'Authorization: Bearer ${info.apiKey}' '${base}/api/v1/pos/members/lookup?cardNo=${info.cardNos[0]}'`);
      lines.push(
        `  curl -s -H 'Authorization: Bearer ${info.apiKey}' -H 'Content-Type: application/json' ${base}/api/v1/pos/transactions -d '{"receiptNo":"R-${Date.now()}","member":{"cardNo":"${info.cardNos[0]}"},"occurredAt":"${new Date().toISOString()}","lines":[{"sku":"MILK-1L","category":"dairy","quantity":2,"amountCents":2590}],"totalCents":2590}'`,
      );
      lines.push(
        `Member portal (the sign-in code shows in this log in development): curl -s -H 'Content-Type: application/json' ${base}/api/v1/portal/auth/code -d '{"phone":"+8613800138000"}'`,
        `  then: curl -s -H 'Content-Type: application/json' ${base}/api/v1/portal/auth/login -d '{"phone":"+8613800138000","code":"<code>"}'`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
}

void main();
