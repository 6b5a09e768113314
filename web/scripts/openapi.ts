/**
 * Writes web/src/api/schema.d.ts (the typed client's paths) from the app's OpenAPI document.
 * The document comes from the modules in Nest's preview mode: no database, Redis or secrets needed.
 * Run with `npm run web:api`; test/web-api-schema.e2e-spec.ts fails when the committed file is stale.
 */
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { openApiDocument } from '../../src/bootstrap';
import { schemaSource } from './schema-source';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  const source = schemaSource(openApiDocument(app));
  const target = join(__dirname, '..', 'src', 'api', 'schema.d.ts');
  writeFileSync(target, source);
  process.stdout.write(`wrote ${target}\n`);
  await app.close();
}

void main();
