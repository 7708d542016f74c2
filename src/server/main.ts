/**
 * The process: read the configuration, open the database (PGlite in DATA_DIR or PostgreSQL),
 * migrate, seed demo data, listen, and close cleanly on SIGINT/SIGTERM.
 */
import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { DataDirLockedError } from './db/lock-file.js';
import { migrate } from './db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-offices.js';
import { seedDemoData } from './demo/seed.js';

function fail(message: string): never {
  process.stderr.write(`buergerbuero: ${message}\n`);
  process.exit(1);
}

async function open(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }

  let database: Database;
  try {
    database = await open(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`cannot open the database: ${(error as Error).message}`);
  }

  await migrate(database.pool);
  const seeded = config.demoData ? await seedDemoData(database.db, new Date()) : false;

  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const where =
    database.kind === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pgdata')}` : 'PostgreSQL';
  const lines = [
    '',
    `  Virtuelles Bürgerbüro is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`,
    `  Database: ${where}${seeded ? ' (demo data seeded)' : ''}`,
    `  API documentation: http://localhost:${config.port}/docs`,
  ];
  if (!config.turn) {
    lines.push(
      '  TURN: not configured — video calls work only where both browsers reach each other (LAN).',
    );
  }
  const sms = config.sms;
  lines.push(
    sms
      ? `  SMS: ${sms.kind === 'smpp' ? `SMPP ${sms.url}` : `HTTP ${new URL(sms.url).origin}`}`
      : '  SMS: no gateway configured — messages are written to the log (see README: npm run sinks).',
    config.smtpUrl
      ? `  E-mail: ${new URL(config.smtpUrl).host}`
      : '  E-mail: no SMTP server configured — messages are written to the log.',
  );
  if (config.demoData) {
    lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"), staff console at /staff:`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.role.padEnd(6)} ${account.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `buergerbuero: failed to start: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(1);
});
