import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from '../../scripts/lib/freshBuild.ts';
import {
	listeningPort,
	runEntry,
	signIn,
	type RunningServer
} from '../../scripts/lib/realServer.ts';
import { connectProvider, waitFor } from '../lib/server/collab/testing/collabTestServer.ts';
import { DEMO_EMAIL_DOMAIN } from '../lib/server/demo/people.ts';
import { meetingDocumentName, restrictedDocumentName } from '../lib/shared/collab/documentName.ts';

/**
 * Who may do what, proved over HTTP and the websocket against the built app with its demo
 * data, rather than read off the policy: every kind of person × every page, form action,
 * export and live document of one child (Aaron), with the expected answer for each cell
 * written out below. A cell that changes fails with the whole table's difference.
 *
 *   ok        the page or file (200); for a form sent empty, the form's own errors (400)
 *   forbidden 403: the person may see the child but not do this
 *   hidden    404: the person may not know the child or meeting exists
 *   sign-in   redirected to sign in
 *   writes / read-only / refused   the live document (websocket)
 *
 * Destructive actions (deleting the child or a meeting, removing someone) are checked by
 * their confirmation pages only: the cells here must not change the demo data.
 */

const PEOPLE = [
	'senco', // SENCo in Aaron's team and coordinator of his school
	'admin', // the school's admin (headteacher), not in the team
	'teacher', // class teacher in the team
	'salt', // speech and language therapist in the team, from the health trust
	'aaron.parent', // Aaron's parent
	'caseworker', // local authority caseworker in the team (a coordinating role)
	'ep', // educational psychologist: another organisation, not in Aaron's team
	'keyperson', // coordinator of a nursery: another organisation
	'maya.parent', // another child's parent
	'signed-out'
] as const;
type Person = (typeof PEOPLE)[number];
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'sign-in' | 'writes' | 'read-only' | 'refused';

/** The outcome for each person, in the order of PEOPLE. */
type Row = [
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome,
	Outcome
];

// prettier-ignore
const EXPECTED: Record<string, Row> = {
	//                                          senco      admin        teacher      salt         parent       caseworker   ep        keyperson maya      signed-out
	'GET child':                              ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/edit':                         ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/edit (empty)':                ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/delete':                       ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'forbidden', 'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/invitations':                  ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/invitations?/invite (empty)': ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/advice':                       ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/advice/new':                   ['ok',      'ok',        'ok',        'ok',        'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/meetings/new':                 ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/meetings/new (empty)':        ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting':                       ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/live':                  ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/history':               ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST open meeting/history restore (unconfirmed)':
	                                          ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/delete':                ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/calendar.ics':          ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/pack':                  ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/pack/pack.pdf':         ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST open meeting/pack?/remind (empty)': ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET open meeting/child-voice':           ['ok',      'ok',        'forbidden', 'forbidden', 'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST open meeting/child-voice?/revoke (empty)':
	                                          ['ok',      'ok',        'forbidden', 'forbidden', 'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET voice/(unknown link)':               ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'ok'],
	'GET child/handover':                     ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/handover (empty)':            ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET closed meeting/delete':              ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'forbidden', 'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET closed meeting/minutes/1':           ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET closed meeting/minutes/1/family':    ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET export minutes.pdf':                 ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET export minutes.html':                ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET export actions.csv':                 ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET children/new':                       ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'forbidden', 'ok',  'forbidden', 'sign-in'],
	'GET actions/caseload':                   ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'sign-in'],
	'GET account':                            ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'sign-in'],
	'GET account/tool-tokens':                ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'sign-in'],
	'POST account/tool-tokens?/create (empty)':
	                                          ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'sign-in'],
	'GET closed meeting/live':                ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET organisation/members':               ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'GET organisation/settings':              ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'GET child/consent':                      ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/consent?/record (empty)':     ['ok',      'ok',        'forbidden', 'forbidden', 'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/plan':                         ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/plan/versions':                ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET child/plan/edit':                    ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST child/plan/edit (empty)':           ['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'POST closed meeting?/laDecision (empty)':['ok',      'ok',        'forbidden', 'forbidden', 'forbidden', 'ok',        'hidden', 'hidden', 'hidden', 'sign-in'],
	'GET organisation/audit':                 ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'GET organisation/audit/audit.csv':       ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'GET organisation/records':               ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'POST organisation/records?/subjectAccess (empty)':
	                                          ['forbidden', 'ok',      'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'sign-in'],
	'GET timescales':                         ['ok',      'ok',        'ok',        'ok',        'ok',        'ok',        'ok',     'ok',     'ok',     'sign-in'],
	'live: open meeting':                     ['writes',  'read-only', 'writes',    'writes',    'writes',    'writes',    'refused', 'refused', 'refused', 'refused'],
	'live: open meeting, restricted notes':   ['writes',  'refused',   'refused',   'refused',   'refused',   'writes',    'refused', 'refused', 'refused', 'refused'],
	'live: closed meeting':                   ['read-only', 'read-only', 'read-only', 'read-only', 'read-only', 'read-only', 'refused', 'refused', 'refused', 'refused'],
	'live: closed meeting, restricted notes': ['read-only', 'refused', 'refused',   'refused',   'refused',   'read-only', 'refused', 'refused', 'refused', 'refused']
};

let server: RunningServer | undefined;
let origin = '';
const dataDir = mkdtempSync(join(tmpdir(), 'coplan-matrix-'));

beforeAll(async () => {
	if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
	// The embedded database with its demo data, whatever TEST_DATABASE_URL says.
	server = runEntry({ DATA_DIR: dataDir, COPLAN_DEV_OUTBOX: '1' });
	origin = `http://127.0.0.1:${await listeningPort(server)}`;
}, 300_000);

afterAll(async () => {
	if (server) {
		server.process.kill('SIGTERM');
		await server.exited;
	}
	rmSync(dataDir, { recursive: true, force: true });
});

function outcomeOf(response: Response): Outcome {
	const location = response.headers.get('location') ?? '';
	if (response.status >= 300 && response.status < 400 && location.startsWith('/sign-in'))
		return 'sign-in';
	if (response.status === 200 || response.status === 400) return 'ok';
	if (response.status === 403) return 'forbidden';
	if (response.status === 404) return 'hidden';
	return `unexpected ${response.status} ${location}` as Outcome;
}

async function request(path: string, cookie: string | null, form?: Record<string, string>) {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	const init: RequestInit = { redirect: 'manual', headers };
	if (form) {
		init.method = 'POST';
		init.body = new URLSearchParams(form);
		headers.origin = origin;
		// As a browser posts a form without JavaScript: SvelteKit answers in HTML, not JSON.
		headers.accept = 'text/html';
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const response = await fetch(`${origin}${path}`, init);
	await response.arrayBuffer();
	return outcomeOf(response);
}

async function liveOutcome(documentName: string, cookie: string | null): Promise<Outcome> {
	const url = `${origin.replace('http', 'ws')}/collab`;
	const connection = connectProvider({ url, name: documentName, cookie: cookie ?? undefined });
	let failed = false;
	void connection.authenticationFailure.then(() => (failed = true));
	try {
		await waitFor(
			() =>
				failed ||
				connection.websocket.closeCodes.length > 0 ||
				(connection.provider.isSynced && connection.notices.length > 0),
			`an answer for ${documentName}`,
			15_000
		);
		if (failed || !connection.provider.isSynced) return 'refused';
		return connection.notices.at(-1)?.readOnly ? 'read-only' : 'writes';
	} finally {
		connection.close();
	}
}

/** Aaron's id and his open and closed meetings, found by links as the SENCo would. */
async function findAaron(cookie: string) {
	const page = async (path: string) =>
		(await fetch(`${origin}${path}`, { headers: { cookie } })).text();
	const childId = /href="\/children\/([0-9a-f-]{36})">Aaron/.exec(await page('/children'))?.[1];
	if (!childId) throw new Error('Aaron is not listed at /children');
	const meetingIds = [
		...new Set(
			[...(await page(`/children/${childId}`)).matchAll(/href="\/meetings\/([0-9a-f-]{36})"/g)].map(
				(match) => match[1] ?? ''
			)
		)
	];
	let open: string | undefined;
	let closed: string | undefined;
	for (const id of meetingIds) {
		const minutes = await page(`/meetings/${id}/minutes`);
		if (minutes.includes(`/meetings/${id}/minutes/1"`)) closed ??= id;
		else open ??= id;
	}
	if (!open || !closed) throw new Error(`Aaron needs an open and a closed meeting: ${meetingIds}`);
	return { childId, open, closed };
}

describe('the authorisation matrix', () => {
	it('answers every person, page, action, export and live document as the table says', async () => {
		const cookies = new Map<Person, string | null>();
		for (const person of PEOPLE) {
			cookies.set(
				person,
				person === 'signed-out'
					? null
					: await signIn(Number(new URL(origin).port), `${person}@${DEMO_EMAIL_DOMAIN}`)
			);
		}
		const aaron = await findAaron(cookies.get('senco') ?? '');
		const child = `/children/${aaron.childId}`;
		const open = `/meetings/${aaron.open}`;
		const closed = `/meetings/${aaron.closed}`;
		const restoreAt = `${open}/history?date=2026-01-01&time=09:00&/restore`;
		const cells: Record<string, (cookie: string | null) => Promise<Outcome>> = {
			'GET child': (c) => request(child, c),
			'GET child/edit': (c) => request(`${child}/edit`, c),
			'POST child/edit (empty)': (c) => request(`${child}/edit`, c, {}),
			'GET child/delete': (c) => request(`${child}/delete`, c),
			'GET child/invitations': (c) => request(`${child}/invitations`, c),
			'POST child/invitations?/invite (empty)': (c) =>
				request(`${child}/invitations?/invite`, c, {}),
			'GET child/advice': (c) => request(`${child}/advice`, c),
			'GET child/advice/new': (c) => request(`${child}/advice/new`, c),
			'GET child/meetings/new': (c) => request(`${child}/meetings/new`, c),
			'POST child/meetings/new (empty)': (c) => request(`${child}/meetings/new`, c, {}),
			'GET open meeting': (c) => request(open, c),
			'GET open meeting/live': (c) => request(`${open}/live`, c),
			'GET open meeting/history': (c) => request(`${open}/history`, c),
			'POST open meeting/history restore (unconfirmed)': (c) => request(restoreAt, c, {}),
			'GET open meeting/delete': (c) => request(`${open}/delete`, c),
			'GET open meeting/calendar.ics': (c) => request(`${open}/calendar.ics`, c),
			'GET open meeting/pack': (c) => request(`${open}/pack`, c),
			'GET open meeting/pack/pack.pdf': (c) => request(`${open}/pack/pack.pdf`, c),
			'POST open meeting/pack?/remind (empty)': (c) => request(`${open}/pack?/remind`, c, {}),
			'GET open meeting/child-voice': (c) => request(`${open}/child-voice`, c),
			'POST open meeting/child-voice?/revoke (empty)': (c) =>
				request(`${open}/child-voice?/revoke`, c, {}),
			'GET voice/(unknown link)': (c) => request('/voice/not-a-real-link', c),
			'GET child/handover': (c) => request(`${child}/handover`, c),
			'POST child/handover (empty)': (c) => request(`${child}/handover`, c, {}),
			'GET closed meeting/delete': (c) => request(`${closed}/delete`, c),
			'GET closed meeting/minutes/1': (c) => request(`${closed}/minutes/1`, c),
			'GET closed meeting/minutes/1/family': (c) => request(`${closed}/minutes/1/family`, c),
			'GET export minutes.pdf': (c) => request(`${closed}/minutes/1/minutes.pdf`, c),
			'GET export minutes.html': (c) => request(`${closed}/minutes/1/minutes.html`, c),
			'GET export actions.csv': (c) => request(`${closed}/minutes/1/actions.csv`, c),
			'GET children/new': (c) => request('/children/new', c),
			'GET actions/caseload': (c) => request('/actions/caseload', c),
			'GET account': (c) => request('/account', c),
			'GET account/tool-tokens': (c) => request('/account/tool-tokens', c),
			'POST account/tool-tokens?/create (empty)': (c) =>
				request('/account/tool-tokens?/create', c, {}),
			'GET closed meeting/live': (c) => request(`${closed}/live`, c),
			'GET organisation/members': (c) => request('/organisation/members', c),
			'GET organisation/settings': (c) => request('/organisation/settings', c),
			'GET child/consent': (c) => request(`${child}/consent`, c),
			'POST child/consent?/record (empty)': (c) => request(`${child}/consent?/record`, c, {}),
			'GET child/plan': (c) => request(`${child}/plan`, c),
			'GET child/plan/versions': (c) => request(`${child}/plan/versions`, c),
			'GET child/plan/edit': (c) => request(`${child}/plan/edit`, c),
			'POST child/plan/edit (empty)': (c) => request(`${child}/plan/edit`, c, {}),
			'POST closed meeting?/laDecision (empty)': (c) => request(`${closed}?/laDecision`, c, {}),
			'GET organisation/audit': (c) => request('/organisation/audit', c),
			'GET organisation/audit/audit.csv': (c) => request('/organisation/audit/audit.csv', c),
			'GET organisation/records': (c) => request('/organisation/records', c),
			'POST organisation/records?/subjectAccess (empty)': (c) =>
				request('/organisation/records?/subjectAccess', c, {}),
			'GET timescales': (c) => request('/timescales', c),
			'live: open meeting': (c) => liveOutcome(meetingDocumentName(aaron.open), c),
			'live: open meeting, restricted notes': (c) =>
				liveOutcome(restrictedDocumentName(aaron.open), c),
			'live: closed meeting': (c) => liveOutcome(meetingDocumentName(aaron.closed), c),
			'live: closed meeting, restricted notes': (c) =>
				liveOutcome(restrictedDocumentName(aaron.closed), c)
		};
		expect(Object.keys(cells)).toEqual(Object.keys(EXPECTED));
		const actual: Record<string, Outcome[]> = {};
		for (const [name, check] of Object.entries(cells)) {
			actual[name] = [];
			for (const person of PEOPLE) actual[name].push(await check(cookies.get(person) ?? null));
		}
		const cellCount = Object.values(actual).flat().length;
		console.log(`authorisation matrix: ${cellCount} cells checked`);
		expect(actual).toEqual(EXPECTED);
	}, 240_000);
});
