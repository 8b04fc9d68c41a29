import { describe, expect } from 'vitest';
import { collabClientToken } from '../../../shared/collab/clientToken.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	MEETING_DOC_SCHEMA_VERSION,
	readSchemaVersion
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor } from '../testing/collabTestServer.ts';

describe('client schema version', () => {
	collabTest.for([
		['an older client', `coplan-schema:${MEETING_DOC_SCHEMA_VERSION - 1}`],
		['a newer client', `coplan-schema:${MEETING_DOC_SCHEMA_VERSION + 1}`],
		['a client that does not say', ''],
		['a token that is not a version', 'coplan-schema:banana']
	])(
		'asks %s to reload, before it can write anything',
		async ([_who, token], { database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const old = clients.connect({
				name: meetingDocumentName(meetingId),
				cookie: team.member('senco').cookie,
				token
			});
			expect(await old.authenticationFailure).toBe(COLLAB_DENIAL.schemaMismatch);
			expect(old.document.share.size).toBe(0);
		}
	);

	collabTest(
		'lets a client built for the current version in',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const current = clients.connect({
				name: meetingDocumentName(meetingId),
				cookie: team.member('senco').cookie,
				token: collabClientToken('meeting')
			});
			await waitFor(() => readSchemaVersion(current.document) !== null, 'the document');
			expect(readSchemaVersion(current.document)).toBe(MEETING_DOC_SCHEMA_VERSION);
		}
	);
});
