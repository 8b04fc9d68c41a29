import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readAgenda } from '../../../shared/collab/meetingDoc.ts';
import { createToolToken } from '../../services/account/toolTokens.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor } from '../testing/collabTestServer.ts';

const MARKER = '<!-- example: add-agenda-item';

/** The example script in docs/yws.md, written where Node resolves our node_modules. */
function exampleScript(): string {
	const docs = readFileSync(join(process.cwd(), 'docs', 'yws.md'), 'utf8');
	const afterMarker = docs.slice(docs.indexOf(MARKER));
	const code = /```js\n([\s\S]*?)```/.exec(afterMarker)?.[1];
	if (!code) throw new Error('docs/yws.md has no example after its marker');
	const folder = join(process.cwd(), 'node_modules', '.cache', 'coplan-docs-example');
	mkdirSync(folder, { recursive: true });
	const path = join(folder, 'add-agenda-item.mjs');
	writeFileSync(path, code);
	return path;
}

/** Runs the script as a reader would; resolves with its exit code and output. */
function run(
	script: string,
	env: Record<string, string>,
	title: string
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, title], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`the example did not finish: ${output}`));
		}, 20_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

describe('the y-websocket example in docs/yws.md', () => {
	collabTest(
		'adds an agenda item that a Hocuspocus client sees, and reports a refusal',
		async ({ database, team, clients, server }) => {
			const script = exampleScript();
			const meetingId = await createMeeting(database.db, team);
			const otherMeetingId = await createMeeting(database.db, team);
			const created = await createToolToken(database.db, {
				userId: team.member('senco').id,
				meetingId,
				label: 'Docs example',
				readOnly: false,
				days: 1
			});
			if (!created.ok) throw new Error(created.reason);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const env = { COPLAN_URL: `ws://127.0.0.1:${server.port}`, COPLAN_TOKEN: created.secret };

			const added = await run(script, { ...env, MEETING_ID: meetingId }, 'From the example');
			expect(added).toEqual({ code: 0, output: 'Added “From the example” to the agenda.\n' });
			await waitFor(
				() => readAgenda(senco.document).items.at(-1)?.title === 'From the example',
				'the example’s agenda item to reach the SENCo'
			);
			const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
			expect(live && readAgenda(live).items.map((item) => item.title)).toEqual([
				'Welcome',
				'Views',
				'From the example'
			]);

			const refused = await run(script, { ...env, MEETING_ID: otherMeetingId }, 'Elsewhere');
			expect(refused).toEqual({
				code: 1,
				output: 'Coplan closed the connection: 4403 forbidden\n'
			});
		}
	);
});
