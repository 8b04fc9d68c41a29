import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.ts';

describe('parseEnv', () => {
	it('applies the documented defaults to an empty environment', () => {
		const env = parseEnv({});
		expect(env).toMatchObject({
			PORT: 3000,
			HOST: '0.0.0.0',
			DATA_DIR: './data',
			LOG_LEVEL: 'info'
		});
		expect(env.DATABASE_URL).toBeUndefined();
	});

	it('treats blank values as unset', () => {
		expect(parseEnv({ DATABASE_URL: '  ', PORT: '' }).PORT).toBe(3000);
	});

	it('accepts a full valid configuration', () => {
		const env = parseEnv({
			PORT: '8080',
			HOST: '127.0.0.1',
			ORIGIN: 'https://coplan.example.org',
			DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/coplan',
			DATA_DIR: '/var/lib/coplan',
			REDIS_URL: 'redis://127.0.0.1:6379',
			SMTP_URL: 'smtps://user:pass@mail.example.org:465',
			LOG_LEVEL: 'debug'
		});
		expect(env.PORT).toBe(8080);
		expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
		expect(env.REDIS_PREFIX).toBe('coplan');
	});

	it.each([
		['PORT', 'eighty', /PORT must be a whole number/],
		['PORT', '70000', /PORT must be a whole number/],
		['PORT', '-1', /PORT must be a whole number/],
		['HOST', 'not a host', /HOST must be a host name/],
		['ORIGIN', 'coplan.example.org', /ORIGIN must be a URL starting with http:\/\/ or https:\/\//],
		['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must be a URL starting with postgres:/],
		['REDIS_URL', 'localhost:6379', /REDIS_URL must be a URL/],
		['REDIS_PREFIX', 'has spaces', /REDIS_PREFIX must be 1–64 letters/],
		['SMTP_URL', 'http://mail', /SMTP_URL must be a URL/],
		['METRICS_TOKEN', 'short', /METRICS_TOKEN must be at least 24 characters/],
		['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error/],
		['COPLAN_DEV_OUTBOX', 'yes', /COPLAN_DEV_OUTBOX must be 1/],
		['SECRET_KEY', 'too-short', /SECRET_KEY must be 32 random bytes in base64/],
		['SECRET_KEY', Buffer.alloc(16).toString('base64'), /SECRET_KEY must be 32 random bytes/]
	])('rejects %s=%s with one line naming the variable', (name, value, pattern) => {
		let error: unknown;
		try {
			parseEnv({ [name]: value });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as ConfigError).message;
		expect(message).toMatch(pattern);
		expect(message).toContain(name);
		expect(message).not.toContain('\n');
	});

	it('accepts a 32-byte SECRET_KEY and never repeats a refused one', () => {
		const key = Buffer.alloc(32, 7).toString('base64');
		expect(parseEnv({ SECRET_KEY: key }).SECRET_KEY).toBe(key);
		const refused = 'c2VjcmV0LWJ1dC10b28tc2hvcnQ=';
		expect(() => parseEnv({ SECRET_KEY: refused })).toThrow(ConfigError);
		try {
			parseEnv({ SECRET_KEY: refused });
		} catch (error) {
			expect((error as Error).message).not.toContain(refused);
		}
	});
});
