import type { afterStoreDocumentPayload } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actions } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createLogger } from '../../logger.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { addAction, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { AccessEpoch } from '../accessEpoch.ts';
import { ProjectionExtension } from './ProjectionExtension.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database.close();
});

describe('projecting after a store', () => {
	it('skips a store that changed no action or outcome, unless access changed since', async () => {
		const epoch = new AccessEpoch();
		const extension = new ProjectionExtension(database.db, createLogger('silent'), epoch);
		const meetingId = await createMeeting(database.db, team);
		const documentName = meetingDocumentName(meetingId);
		const doc = new Y.Doc();
		addAction(doc, { text: 'Make a signs booklet' }, { userId: team.member('senco').id });
		const store = () =>
			extension.afterStoreDocument({
				documentName,
				document: doc
			} as unknown as afterStoreDocumentPayload);
		const row = async () => {
			const [first] = await database.db
				.select({ text: actions.text, updatedAt: actions.updatedAt })
				.from(actions)
				.where(eq(actions.meetingId, meetingId));
			return first;
		};

		await store();
		const projected = await row();
		expect(projected?.text).toBe('Make a signs booklet');
		// Rows rewritten by a projection get a new updatedAt: the same one means no write.
		await database.db
			.update(actions)
			.set({ updatedAt: new Date('2026-01-01T00:00:00Z') })
			.where(eq(actions.meetingId, meetingId));

		setFieldText(doc, 'familyViews', 'Typing that touches no action');
		await store();
		expect((await row())?.updatedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');

		epoch.bump();
		await store();
		expect((await row())?.updatedAt.toISOString()).not.toBe('2026-01-01T00:00:00.000Z');

		await database.db
			.update(actions)
			.set({ updatedAt: new Date('2026-01-01T00:00:00Z') })
			.where(eq(actions.meetingId, meetingId));
		addAction(doc, { text: 'A second action' }, { userId: team.member('senco').id });
		await store();
		const rows = await database.db.select().from(actions).where(eq(actions.meetingId, meetingId));
		expect(rows.map((action) => action.text).sort()).toEqual([
			'A second action',
			'Make a signs booklet'
		]);
	});
});
