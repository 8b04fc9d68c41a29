import { resolve } from 'node:path';
import { formatDemoAccounts } from './demo/accounts.ts';
import { exportWorkerPath } from './minutes/exportPool.ts';
import type { Runtime } from './runtime.ts';

/**
 * What the operator reads at start-up: where the data is, what was made on this start,
 * where email goes, and the demo accounts. The entry prints it with the address last.
 */
export function describeStartup(runtime: Runtime, outboxShown: boolean): string[] {
	const { env, database } = runtime;
	return [
		database.kind === 'pglite'
			? `Embedded database in ${resolve(env.DATA_DIR)}`
			: 'Using the PostgreSQL database from DATABASE_URL',
		...(runtime.secretKeyFileCreated
			? [
					`Made a secret key in ${runtime.secretKeyFileCreated}: keep it with the database`,
					'(two-factor authentication needs it), or set SECRET_KEY instead.'
				]
			: []),
		...describeScaleOut(runtime),
		...(env.METRICS_TOKEN
			? ['Metrics at /metrics, for requests with the METRICS_TOKEN (Authorization: Bearer …)']
			: []),
		...describeMail(runtime, outboxShown),
		...(exportWorkerPath() === null
			? [
					'Exports (PDF, Word) are made on the main thread: no export worker was built',
					'(build/server/export-worker.js). Long exports will slow every live meeting.'
				]
			: []),
		...(runtime.seededAccounts ? ['', formatDemoAccounts(runtime.seededAccounts)] : [])
	];
}

/** Whether several servers may share this database (see sharesThroughRedis). */
function describeScaleOut(runtime: Runtime): string[] {
	if (!runtime.env.REDIS_URL) return [];
	if (sharesThroughRedis(runtime)) {
		return ['Sharing live meetings with other Coplan servers through the Redis in REDIS_URL'];
	}
	return [
		'REDIS_URL is set but not used: the embedded database belongs to this one server.',
		'Set DATABASE_URL too to run several servers on one PostgreSQL database.'
	];
}

/** Several servers share meetings only on PostgreSQL: the embedded database is one process's. */
export function sharesThroughRedis(runtime: Runtime): boolean {
	return Boolean(runtime.env.REDIS_URL) && runtime.database.kind !== 'pglite';
}

function describeMail(runtime: Runtime, outboxShown: boolean): string[] {
	if (runtime.env.SMTP_URL) return ['Email is sent through the mail server in SMTP_URL.'];
	if (outboxShown) {
		return [
			'Email is not sent (SMTP_URL is not set): every email, sign-in links and invitations',
			'included, is shown at /dev/outbox instead. Use this only to try Coplan.'
		];
	}
	return [
		'Email is not sent and not shown: SMTP_URL is not set, and the outbox page stays off on',
		'a PostgreSQL database because it would show sign-in links. Set SMTP_URL so that',
		'invitations and sign-in links reach people.'
	];
}
