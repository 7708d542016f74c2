import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts on PGlite in ./data with demo data when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: null,
      dataDir: path.resolve('data'),
      demoData: true,
      publicUrl: 'http://localhost:8080',
    });
  });

  it('turns demo data off by default on PostgreSQL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app' });
    expect(config.demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/app', DEMO_DATA: 'yes' }).demoData).toBe(
      true,
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a whole number from 1 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/x' }, 'DATABASE_URL: expected a postgres:'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: expected a URL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA: expected true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected one of'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
