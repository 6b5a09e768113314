import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The TypeScript source of the web client's types for one OpenAPI document (openapi-typescript, run by openapi-typescript.mjs). */
export function schemaSource(document: object): string {
  return execFileSync(process.execPath, [join(__dirname, 'openapi-typescript.mjs')], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
