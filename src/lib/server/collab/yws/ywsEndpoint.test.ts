import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { invalidateAllSessions } from '../../auth/session.ts';
import { auditEvents, meetings, teamMembers, toolTokens } from '../../db/schema.ts';
import { revokeToolToken } from '../../services/account/toolTokens.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import {
	addAgendaItem,
	readAgenda,
	readMeetingDoc,
	readSchemaVersion,
	setFieldText
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved, waitUntil } from '../testing/collabTestServer.ts';
import { ywsUrl } from '../testing/ywsClients.ts';
import { closedWith, flushThrough, synced, tokenFor, yws } from '../testing/ywsTest.ts';

collabTest.override('serverOptions', { sessionCheckIntervalMs: 100 });

describe('/yws: the y-websocket protocol on the meeting documents', () => {
	collabTest(
		'a y-websocket tool and a Hocuspocus client edit one meeting and converge',
		async ({ database, team, clients, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			// The SENCo's token: adding to the agenda is the chair's (editRules.ts), for tools too.
			const secret = await tokenFor(database.db, team, 'senco', meetingId);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const tool = await synced(
				yws({ server, name, token: secret }),
				'the tool to sync the meeting'
			);
			expect(readAgenda(tool.document).items.map((item) => item.title)).toEqual(
				readAgenda(senco.document).items.map((item) => item.title)
			);

			addAgendaItem(tool.document, 'Speech and language update');
			setFieldText(senco.document, 'familyViews', 'Aaron signs more at home');
			await waitFor(
				() =>
					readAgenda(senco.document).items.some(
						(item) => item.title === 'Speech and language update'
					) && readMeetingDoc(tool.document).familyViews.text === 'Aaron signs more at home',
				'both edits to reach both clients'
			);
			await waitForSaved(senco);
			expect(readMeetingDoc(tool.document)).toEqual(readMeetingDoc(senco.document));
			const live = server.collab.hocuspocus.documents.get(name);
			if (!live) throw new Error('the meeting is not loaded');
			expect(readMeetingDoc(live)).toEqual(readMeetingDoc(tool.document));

			// The connection was audited and the token marked used.
			await waitUntil(async () => {
				const rows = await database.db
					.select()
					.from(auditEvents)
					.where(
						and(eq(auditEvents.action, 'toolToken.used'), eq(auditEvents.subjectId, meetingId))
					);
				return rows.length === 1 && rows[0]?.actorId === team.member('senco').id;
			}, 'the token’s use to be audited');
			// And, like any opening of a live meeting, as a read of the child's record.
			await waitUntil(async () => {
				const rows = await database.db
					.select({ details: auditEvents.details })
					.from(auditEvents)
					.where(
						and(
							eq(auditEvents.action, 'child.read'),
							eq(auditEvents.actorId, team.member('senco').id)
						)
					);
				return rows.some((row) => row.details.path === `/yws/${name}`);
			}, 'the opening to be audited as a read');
			const [row] = await database.db
				.select({ lastUsedAt: toolTokens.lastUsedAt })
				.from(toolTokens)
				.where(eq(toolTokens.userId, team.member('senco').id));
			expect(row?.lastUsedAt).toBeInstanceOf(Date);
		}
	);

	collabTest(
		'a token in the query string and a session cookie authenticate too',
		async ({ database, team, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const secret = await tokenFor(database.db, team, 'parent', meetingId);
			const byQuery = await synced(
				yws({ server, name, token: secret, tokenInQuery: true }),
				'the query-string client to sync'
			);
			const byCookie = await synced(
				yws({ server, name, cookie: team.member('senco').cookie }),
				'the cookie client to sync'
			);
			addAgendaItem(byCookie.document, 'From the cookie client');
			await waitFor(
				() =>
					readAgenda(byQuery.document).items.some(
						(item) => item.title === 'From the cookie client'
					),
				'the edit to cross'
			);
			// Without any credential the socket is closed as unauthenticated, not retried.
			const anonymous = yws({ server, name });
			await waitFor(() => closedWith(anonymous, 4401, 'unauthenticated'), 'the refusal');
			expect(anonymous.provider.shouldConnect).toBe(false);
		}
	);

	collabTest(
		'a cookie socket closes when its session ends, and another site may not use the cookie',
		async ({ database, team, startServer }) => {
			// No periodic check within the test: only the sign-out's own call can close it.
			const server = await startServer({ sessionCheckIntervalMs: 60_000 });
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const parent = team.member('parent');
			const url = `${ywsUrl(server)}/${name}`;
			const status = await new Promise<number>((resolve) => {
				const socket = new WebSocket(url, {
					headers: { cookie: parent.cookie, origin: 'https://elsewhere.example' }
				});
				socket.on('unexpected-response', (_request, response) => {
					resolve(response.statusCode ?? 0);
					socket.terminate();
				});
				socket.on('open', () => resolve(101));
				socket.on('error', () => {});
			});
			expect(status).toBe(403);

			const byCookie = await synced(
				yws({ server, name, cookie: parent.cookie }),
				'the cookie client to sync'
			);
			await invalidateAllSessions(database.db, parent.id);
			await server.collab.live.sessionsEnded();
			await waitFor(() => closedWith(byCookie, 4401, 'session-ended'), 'the socket to close', 1000);
		}
	);

	collabTest(
		'a read-only token’s edits are refused; so are everyone’s once the meeting is closed',
		async ({ database, team, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const readOnly = await tokenFor(database.db, team, 'senco', meetingId, true);
			const readWrite = await tokenFor(database.db, team, 'senco', meetingId);
			const observer = await synced(
				yws({ server, name, cookie: team.member('parent').cookie }),
				'the observer to sync'
			);
			const reader = await synced(yws({ server, name, token: readOnly }), 'the reader to sync');
			addAgendaItem(reader.document, 'Written with a read-only token');
			await flushThrough(reader, observer.provider);
			const live = server.collab.hocuspocus.documents.get(name);
			if (!live) throw new Error('the meeting is not loaded');
			const titles = (doc: Y.Doc) => readAgenda(doc).items.map((item) => item.title);
			expect(titles(live)).not.toContain('Written with a read-only token');
			expect(titles(observer.document)).not.toContain('Written with a read-only token');

			// Closing the meeting makes the read-write token read-only too (the owner's rights).
			const writer = await synced(yws({ server, name, token: readWrite }), 'the writer to sync');
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await server.collab.live.meetingAccessChanged(meetingId);
			addAgendaItem(writer.document, 'Written after closing');
			await flushThrough(writer, observer.provider);
			expect(titles(live)).not.toContain('Written after closing');
			// The reader is still connected, and reading: refusing edits is not a close.
			expect(reader.closes).toEqual([]);
		}
	);

	collabTest(
		'a token opens only its own meeting, and the restricted notes only if its owner may',
		async ({ database, team, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const otherMeetingId = await createMeeting(database.db, team);
			const secret = await tokenFor(database.db, team, 'parent', meetingId);
			const elsewhere = yws({ server, name: meetingDocumentName(otherMeetingId), token: secret });
			const restricted = yws({ server, name: restrictedDocumentName(meetingId), token: secret });
			await waitFor(
				() =>
					closedWith(elsewhere, 4403, 'forbidden') &&
					closedWith(restricted, 4403, 'restricted-forbidden'),
				'both refusals'
			);
			expect(server.collab.hocuspocus.documents.has(meetingDocumentName(otherMeetingId))).toBe(
				false
			);
			expect(elsewhere.provider.shouldConnect).toBe(false);
			expect(readSchemaVersion(elsewhere.document)).toBeNull();

			// A professional allowed restricted notes opens them with a token of their own.
			const professional = await tokenFor(database.db, team, 'socialWorker', meetingId);
			const notes = yws({ server, name: restrictedDocumentName(meetingId), token: professional });
			await waitFor(() => notes.provider.synced, 'the restricted notes to sync');
			expect(server.collab.hocuspocus.documents.has(restrictedDocumentName(meetingId))).toBe(true);
			expect(notes.closes).toEqual([]);
		}
	);

	collabTest(
		'revoking a token closes its open socket at once, and it cannot connect again',
		async ({ database, team, startServer }) => {
			// No periodic check within the test: only the revocation's own call can close it.
			const server = await startServer({ sessionCheckIntervalMs: 60_000 });
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const secret = await tokenFor(database.db, team, 'salt', meetingId);
			const kept = await tokenFor(database.db, team, 'senco', meetingId);
			const tool = await synced(yws({ server, name, token: secret }), 'the tool to sync');
			const other = await synced(yws({ server, name, token: kept }), 'the other tool to sync');
			const [token] = await database.db
				.select({ id: toolTokens.id })
				.from(toolTokens)
				.where(eq(toolTokens.userId, team.member('salt').id));
			if (!token) throw new Error('no token');

			expect(await revokeToolToken(database.db, team.member('salt').id, token.id)).toBe(true);
			await server.collab.live.sessionsEnded();
			await waitFor(
				() => closedWith(tool, 4401, 'token-ended'),
				'the revoked socket to close',
				1000
			);
			expect(other.closes).toEqual([]);
			expect(tool.provider.shouldConnect).toBe(false);

			const again = yws({ server, name, token: secret });
			await waitFor(() => closedWith(again, 4401, 'unauthenticated'), 'the reconnection refused');
		}
	);

	collabTest(
		'an expired token’s socket is closed by the periodic check',
		async ({ database, team, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const secret = await tokenFor(database.db, team, 'salt', meetingId);
			const tool = await synced(
				yws({ server, name: meetingDocumentName(meetingId), token: secret }),
				'the tool to sync'
			);
			await database.db
				.update(toolTokens)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(toolTokens.userId, team.member('salt').id));
			await waitFor(() => closedWith(tool, 4401, 'token-ended'), 'the expired socket to close');
			expect(tool.provider.shouldConnect).toBe(false);
		}
	);

	collabTest(
		'a token stops working when its owner leaves the child’s team',
		async ({ database, team, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const secret = await tokenFor(database.db, team, 'salt', meetingId);
			const tool = await synced(
				yws({ server, name: meetingDocumentName(meetingId), token: secret }),
				'the tool to sync'
			);
			await database.db
				.delete(teamMembers)
				.where(
					and(eq(teamMembers.childId, team.childId), eq(teamMembers.userId, team.member('salt').id))
				);
			await server.collab.live.childAccessChanged(team.childId);
			await waitFor(() => closedWith(tool, 4403, 'forbidden'), 'the socket to close');
			const again = yws({ server, name: meetingDocumentName(meetingId), token: secret });
			await waitFor(() => closedWith(again, 4403, 'forbidden'), 'the reconnection refused');
			expect(readSchemaVersion(again.document)).toBeNull();
		}
	);
});
