import { spawn, type ChildProcess } from 'node:child_process';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/people.ts';
import { waitFor } from '../../src/lib/server/collab/testing/collabTestServer.ts';

/**
 * The production entry (`server/main.ts`, running the built app) as a real process, for
 * tests that treat it as an operator would: signals, crashes, restarts. Build first
 * (freshBuild.ts).
 */

export interface RunningServer {
	process: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

export function runEntry(env: Record<string, string>): RunningServer {
	const child = spawn(process.execPath, ['server/main.ts'], {
		env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	return { process: child, output: () => output, exited };
}

export async function listeningPort(server: RunningServer): Promise<number> {
	let port = 0;
	await waitFor(
		() => {
			const match = /Coplan is running at http:\/\/127\.0\.0\.1:(\d+)/.exec(server.output());
			if (match?.[1]) port = Number(match[1]);
			return port > 0 || server.process.exitCode !== null;
		},
		'the server to listen',
		// Migrating and seeding the embedded database takes long on a busy 2-core machine.
		90_000
	);
	if (port === 0) throw new Error(`server exited early:\n${server.output()}`);
	return port;
}

export async function signIn(port: number, email: string): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${port}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: `http://127.0.0.1:${port}`,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookie = response.headers
		.getSetCookie()
		.find((value) => value.startsWith('coplan_session='));
	if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
	return cookie.split(';', 1)[0] as string;
}

/** A demo meeting the signed-in user can open: found the way a person would, by links. */
export async function findDemoMeetingId(port: number, cookie: string): Promise<string> {
	const page = async (path: string) =>
		(await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } })).text();
	const childId = /\/children\/([0-9a-f-]{36})/.exec(await page('/children'))?.[1];
	if (!childId) throw new Error('no child listed at /children');
	const meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(await page(`/children/${childId}`))?.[1];
	if (!meetingId) throw new Error(`no meeting listed for child ${childId}`);
	return meetingId;
}
