import * as v from 'valibot';

/**
 * Coplan's configuration, read once from the environment at start-up.
 * Every variable is validated here so that a mistake stops the server with one
 * line naming the variable, rather than failing later in an unrelated place.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function urlWithProtocols(name: string, protocols: readonly string[]) {
	return v.pipe(
		v.string(),
		v.check(
			(value) => {
				try {
					return protocols.includes(new URL(value).protocol);
				} catch {
					return false;
				}
			},
			`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`
		)
	);
}

const emptyToUndefined = (value: string | undefined) =>
	value === undefined || value.trim() === '' ? undefined : value.trim();

const EnvSchema = v.object({
	PORT: v.pipe(
		v.optional(v.string(), '3000'),
		v.regex(/^\d+$/, 'PORT must be a whole number between 0 and 65535'),
		v.transform(Number),
		v.maxValue(65535, 'PORT must be a whole number between 0 and 65535')
	),
	HOST: v.optional(
		v.pipe(v.string(), v.regex(/^[\w.:-]+$/, 'HOST must be a host name or IP address')),
		'0.0.0.0'
	),
	ORIGIN: v.optional(urlWithProtocols('ORIGIN', ['http:', 'https:'])),
	DATABASE_URL: v.optional(urlWithProtocols('DATABASE_URL', ['postgres:', 'postgresql:'])),
	DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
	/**
	 * How long start-up waits for an unreachable PostgreSQL database, in seconds; unset:
	 * for as long as it takes (one log line every few seconds). 0: do not wait.
	 */
	DATABASE_WAIT_SECONDS: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d+$/, 'DATABASE_WAIT_SECONDS must be a whole number of seconds'),
			v.transform(Number)
		)
	),
	REDIS_URL: v.optional(urlWithProtocols('REDIS_URL', ['redis:', 'rediss:'])),
	/** Starts every Redis key and channel of this Coplan (several may share one Redis). */
	REDIS_PREFIX: v.optional(
		v.pipe(
			v.string(),
			v.regex(
				/^[A-Za-z0-9_.-]{1,64}$/,
				'REDIS_PREFIX must be 1–64 letters, digits, dots, dashes or underscores'
			)
		),
		'coplan'
	),
	SMTP_URL: v.optional(urlWithProtocols('SMTP_URL', ['smtp:', 'smtps:'])),
	/** Seals secrets kept in the database; unset: a key file in DATA_DIR (secretKey.ts). */
	SECRET_KEY: v.optional(
		v.pipe(
			v.string(),
			v.check(
				(value) =>
					/^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
				'SECRET_KEY must be 32 random bytes in base64, for example from: openssl rand -base64 32'
			)
		)
	),
	/**
	 * '1' shows the development outbox (/dev/outbox) even when NODE_ENV is production, for
	 * end-to-end tests of the built app. It never applies when SMTP_URL is set: real mail
	 * is then sent and there is no outbox to show. Leave unset in a real deployment.
	 */
	COPLAN_DEV_OUTBOX: v.optional(
		v.picklist(['1', '0'], 'COPLAN_DEV_OUTBOX must be 1 (show the development outbox) or 0')
	),
	/**
	 * '1' lets end-to-end tests move the scheduler's clock forward (POST /dev/clock), only
	 * where the development outbox is shown as well (devClock.ts). Leave unset in a real
	 * deployment.
	 */
	COPLAN_DEV_CLOCK: v.optional(
		v.picklist(['1', '0'], 'COPLAN_DEV_CLOCK must be 1 (let tests move the clock) or 0')
	),
	/**
	 * Turns on /metrics (Prometheus text format), for requests bearing this token
	 * (Authorization: Bearer …); unset, /metrics does not exist.
	 */
	METRICS_TOKEN: v.optional(
		v.pipe(
			v.string(),
			v.minLength(
				24,
				'METRICS_TOKEN must be at least 24 characters, for example from: openssl rand -base64 24'
			)
		)
	),
	LOG_LEVEL: v.optional(
		v.picklist(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`),
		'info'
	),
	NODE_ENV: v.optional(v.string(), 'development')
});

export type Env = v.InferOutput<typeof EnvSchema>;

/** Thrown when the environment is invalid; its message is the one line shown to the operator. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
	const input: Record<string, string | undefined> = {};
	for (const key of Object.keys(EnvSchema.entries)) input[key] = emptyToUndefined(source[key]);
	const result = v.safeParse(EnvSchema, input);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const variable = issue.path?.[0]?.key;
	const name = typeof variable === 'string' ? variable : 'configuration';
	const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
	// URLs can carry passwords, and keys are secret: their values are never echoed back.
	const secret = name.endsWith('_URL') || name === 'SECRET_KEY';
	const shown = secret ? '' : ` (got "${input[name] ?? ''}")`;
	throw new ConfigError(`Invalid configuration: ${message}${shown}`);
}
