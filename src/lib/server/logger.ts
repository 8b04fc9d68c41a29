import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, one object per line, for whatever collects them in production. */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: { service: 'coplan' },
		// Session cookies and passwords must never reach a log.
		redact: ['req.headers.cookie', 'headers.cookie', 'password', '*.password']
	});
}
