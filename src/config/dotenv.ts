/** Loads ./.env when present (Node's own loader); real environment variables win. */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env: the environment alone configures the service
  }
}
