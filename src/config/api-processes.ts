import { availableParallelism } from 'node:os';

/** API_PROCESSES: "auto" (one per core) or a whole number from 1 to 64. */
export const API_PROCESSES_PATTERN = /^(auto|[1-9]|[1-5][0-9]|6[0-4])$/;

/** The number of HTTP API processes API_PROCESSES asks for (unset: 1), or null when the value is not valid (loadConfig says why). */
export function apiProcessesFrom(raw: string | undefined): number | null {
  const value = raw || '1';
  if (!API_PROCESSES_PATTERN.test(value)) {
    return null;
  }
  return value === 'auto' ? availableParallelism() : Number(value);
}
