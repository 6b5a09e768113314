import { ValueTransformer } from 'typeorm';

/** BIGINT comes back from mysql2 as a string; points and cents stay well inside 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

export function toInt(value: unknown): number {
  if (value === null || value === undefined) {
    return 0;
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new Error(`Not a safe integer: ${String(value)}`);
  }
  return n;
}
