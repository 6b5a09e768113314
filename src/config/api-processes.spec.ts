import { availableParallelism } from 'node:os';
import { apiProcessesFrom } from './api-processes';
import { ConfigError, loadConfig } from './app-config';

const required = {
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'long-enough-password',
  JWT_SECRET: 'x'.repeat(32),
};

describe('API_PROCESSES', () => {
  it('is one process when unset or empty, a count from 1 to 64, or one per core for auto', () => {
    expect(apiProcessesFrom(undefined)).toBe(1);
    expect(apiProcessesFrom('')).toBe(1);
    expect(apiProcessesFrom('1')).toBe(1);
    expect(apiProcessesFrom('2')).toBe(2);
    expect(apiProcessesFrom('64')).toBe(64);
    expect(apiProcessesFrom('auto')).toBe(availableParallelism());
  });

  it('is not a number of processes for anything else, and the configuration names it', () => {
    for (const bad of ['0', '65', '-1', '1.5', '02', 'AUTO', 'max', ' 2']) {
      expect(apiProcessesFrom(bad)).toBeNull();
      expect(() => loadConfig({ ...required, API_PROCESSES: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ ...required, API_PROCESSES: 'many' })).toThrow(/API_PROCESSES must be "auto" or a whole number from 1 to 64/);
  });

  it('reaches the typed configuration', () => {
    expect(loadConfig(required).apiProcesses).toBe(1);
    expect(loadConfig({ ...required, API_PROCESSES: '3' }).apiProcesses).toBe(3);
    expect(loadConfig({ ...required, API_PROCESSES: 'auto' }).apiProcesses).toBe(availableParallelism());
  });
});
