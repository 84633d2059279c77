import { describe, expect, it } from '@jest/globals';
import { loadConfig, StartupError } from '../src/config/load-config.js';

describe('configuration', () => {
  it('has working defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      NODE_ENV: 'development',
      DATA_DIR: '.data',
      SERVE_WEB_APPS: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', SERVE_WEB_APPS: 'false', SEED_DEMO_DATA: '1' });
    expect(config).toMatchObject({ PORT: 8080, SERVE_WEB_APPS: false, SEED_DEMO_DATA: true });
  });

  it('names the variable and what is expected when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(StartupError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty" is invalid: .*integer/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud" is invalid/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('never echoes a connection string, which may hold a password', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@db/app' });
    expect(attempt).toThrow(/DATABASE_URL is invalid/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('refuses the demo seed in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' })).toThrow(/SEED_DEMO_DATA/);
  });
});

describe('proxy trust', () => {
  it('trusts only local and private-network proxies by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe('loopback,linklocal,uniquelocal');
  });

  it('refuses to trust every proxy, which would let clients spoof their address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true would let any client spoof/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, 192.168.1.10',
    );
  });
});
