import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	adviceItems,
	auditEvents,
	childVoiceSubmissions,
	children,
	consents,
	deadlineCompletions,
	documentUpdates,
	handovers,
	invitations,
	laDecisions,
	meetingInvitees,
	meetings,
	minutesVersions,
	outcomes,
	actions,
	planVersions,
	teamMembers,
	users
} from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { renderExportOffThread } from '../../minutes/exportPool.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { readMeetingDoc } from '../../../shared/collab/meetingDoc/read.ts';
import { readRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { formatUkDateTime } from '../../../shared/domain/ukCalendar.ts';
import { loadMinutesVersion } from '../minutes/minutesVersions.ts';

/** One file of a subject access export: its path in the zip and its bytes. */
export interface GatheredFile {
	path: string;
	bytes: Uint8Array;
}

/** A step of the gathering, named for the progress line. */
export interface GatherStep {
	label: string;
	run(): Promise<GatheredFile[]>;
}

const encoder = new TextEncoder();
const json = (path: string, value: unknown): GatheredFile => ({
	path,
	bytes: encoder.encode(JSON.stringify(value, null, 2))
});

/** A name safe in a zip on every system: letters, digits, dots and dashes. */
function safeName(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/[^A-Za-z0-9.-]+/g, '-')
			.replace(/^[-.]+|-+$/g, '')
			.slice(0, 80) || 'file'
	);
}

export interface GatherContext {
	db: Database;
	live: LiveDocuments;
	childId: string;
	/** Who asked: PDFs are rendered in their name, in the shared export queue. */
	requestedBy: { id: string; name: string };
	now: Date;
}

async function childRecord({ db, childId }: GatherContext): Promise<GatheredFile[]> {
	const [child] = await db.select().from(children).where(eq(children.id, childId));
	const team = await db
		.select({
			name: users.name,
			email: users.email,
			teamRole: teamMembers.teamRole,
			agency: teamMembers.agency,
			since: teamMembers.createdAt
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(eq(teamMembers.childId, childId));
	const invited = await db
		.select({
			name: invitations.name,
			email: invitations.email,
			teamRole: invitations.teamRole,
			agency: invitations.agency,
			sentAt: invitations.createdAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt
		})
		.from(invitations)
		.where(eq(invitations.childId, childId));
	const consentRows = await db.select().from(consents).where(eq(consents.childId, childId));
	return [
		json('child/record.json', child),
		json('child/team.json', team),
		json('child/invitations.json', invited),
		json('child/consents.json', consentRows)
	];
}

/** Every version of the plan, whole, and the local authority's decisions after reviews. */
async function plan({ db, childId }: GatherContext): Promise<GatheredFile[]> {
	const [versions, decisions] = await Promise.all([
		db
			.select()
			.from(planVersions)
			.where(eq(planVersions.childId, childId))
			.orderBy(asc(planVersions.version)),
		db
			.select()
			.from(laDecisions)
			.where(eq(laDecisions.childId, childId))
			.orderBy(asc(laDecisions.decidedOn))
	]);
	return [json('plan/versions.json', versions), json('plan/la-decisions.json', decisions)];
}

/** Handovers to new settings (what was shared, with whom), and the child's own views. */
async function handoversAndVoice({ db, childId }: GatherContext): Promise<GatheredFile[]> {
	const [handed, views] = await Promise.all([
		db
			.select()
			.from(handovers)
			.where(eq(handovers.childId, childId))
			.orderBy(asc(handovers.createdAt)),
		db
			.select({ submission: childVoiceSubmissions, meetingStartsAt: meetings.startsAt })
			.from(childVoiceSubmissions)
			.innerJoin(meetings, eq(meetings.id, childVoiceSubmissions.meetingId))
			.where(eq(meetings.childId, childId))
			.orderBy(asc(meetings.startsAt))
	]);
	const pictures: GatheredFile[] = [];
	const listed = views.map(({ submission, meetingStartsAt }, index) => {
		const { pictureData, ...rest } = submission;
		const extension = submission.pictureType === 'image/png' ? 'png' : 'jpg';
		const path = pictureData
			? `child-voice/pictures/${String(index + 1).padStart(3, '0')}.${extension}`
			: null;
		if (path && pictureData) pictures.push({ path, bytes: pictureData });
		return { ...rest, meetingStartsAt, picture: path };
	});
	return [
		json('handovers/handovers.json', handed),
		json('child-voice/submissions.json', listed),
		...pictures
	];
}

async function advice({ db, childId }: GatherContext): Promise<GatheredFile[]> {
	const rows = await db
		.select()
		.from(adviceItems)
		.where(eq(adviceItems.childId, childId))
		.orderBy(asc(adviceItems.adviceDate));
	const files: GatheredFile[] = [];
	const listed = rows.map(({ fileData, ...item }, index) => {
		const path =
			fileData && item.fileName
				? `advice/files/${String(index + 1).padStart(3, '0')}-${safeName(item.fileName)}`
				: null;
		if (path && fileData) files.push({ path, bytes: fileData });
		return { ...item, fileInThisExport: path };
	});
	return [json('advice/advice.json', listed), ...files];
}

async function history(db: Database, names: string[]) {
	return db
		.select({
			document: documentUpdates.documentName,
			seq: documentUpdates.seq,
			receivedAt: documentUpdates.receivedAt,
			firstReceivedAt: documentUpdates.firstReceivedAt,
			updateCount: documentUpdates.updateCount,
			author: users.name,
			authorEmail: users.email
		})
		.from(documentUpdates)
		.leftJoin(users, eq(users.id, documentUpdates.userId))
		.where(inArray(documentUpdates.documentName, names))
		.orderBy(asc(documentUpdates.seq));
}

function meetingStep(context: GatherContext, meeting: typeof meetings.$inferSelect): GatherStep {
	const { db, live } = context;
	const folder = `meetings/${meeting.startsAt.toISOString().slice(0, 10)}-${meeting.type}-${meeting.id.slice(0, 8)}`;
	return {
		label: `The ${meeting.type.replaceAll('_', ' ')} of ${formatUkDateTime(meeting.startsAt)}`,
		async run() {
			const [invitees, deadlines, agreed, outcomeRows, versions] = await Promise.all([
				db
					.select({
						name: users.name,
						rsvp: meetingInvitees.rsvp,
						contribution: meetingInvitees.contribution,
						contributionAt: meetingInvitees.contributionAt
					})
					.from(meetingInvitees)
					.innerJoin(users, eq(users.id, meetingInvitees.userId))
					.where(eq(meetingInvitees.meetingId, meeting.id)),
				db.select().from(deadlineCompletions).where(eq(deadlineCompletions.meetingId, meeting.id)),
				db.select().from(actions).where(eq(actions.meetingId, meeting.id)),
				db.select().from(outcomes).where(eq(outcomes.meetingId, meeting.id)),
				db
					.select({ version: minutesVersions.version })
					.from(minutesVersions)
					.where(eq(minutesVersions.meetingId, meeting.id))
					.orderBy(asc(minutesVersions.version))
			]);
			const names = [meetingDocumentName(meeting.id), restrictedDocumentName(meeting.id)];
			const files: GatheredFile[] = [
				json(`${folder}/meeting.json`, {
					meeting,
					invitees,
					deadlinesDone: deadlines,
					actions: agreed,
					outcomes: outcomeRows
				}),
				json(`${folder}/history.json`, await history(db, names))
			];
			if (await live.exists(names[0] ?? '')) {
				files.push(
					json(`${folder}/live-document.json`, readMeetingDoc(await live.read(names[0] ?? '')))
				);
			}
			if (await live.exists(names[1] ?? '')) {
				files.push(
					json(
						`${folder}/restricted/restricted-notes.json`,
						readRestrictedDoc(await live.read(names[1] ?? ''))
					)
				);
			}
			for (const { version } of versions) {
				files.push(...(await minutesFiles(context, meeting.id, version, folder)));
			}
			return files;
		}
	};
}

async function minutesFiles(
	context: GatherContext,
	meetingId: string,
	version: number,
	folder: string
): Promise<GatheredFile[]> {
	const frozen = await loadMinutesVersion(context.db, meetingId, version);
	if (!frozen) return [];
	const files = [json(`${folder}/minutes-v${version}.json`, frozen)];
	try {
		const pdf = await renderExportOffThread(
			{
				format: 'pdf',
				minutes: frozen.minutes,
				restricted: frozen.restricted ?? { notes: [] },
				context: {
					version: {
						number: frozen.version,
						closedByName: frozen.closedByName,
						closedAt: formatUkDateTime(frozen.closedAt),
						contentHash: frozen.contentHash,
						restrictedHash: frozen.restrictedHash
					},
					exportedByName: context.requestedBy.name,
					exportedAt: formatUkDateTime(context.now)
				},
				url: '',
				now: context.now.toISOString()
			},
			context.requestedBy.id
		);
		files.push({ path: `${folder}/restricted/minutes-v${version}.pdf`, bytes: pdf.bytes });
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'it could not be made';
		files.push({
			path: `${folder}/minutes-v${version}-PDF-NOT-MADE.txt`,
			bytes: encoder.encode(
				`The PDF of version ${version} could not be made (${reason}). minutes-v${version}.json holds the same minutes.`
			)
		});
	}
	return files;
}

async function auditTrail({ db, childId }: GatherContext): Promise<GatheredFile[]> {
	const rows = await db
		.select({
			occurredAt: auditEvents.occurredAt,
			action: auditEvents.action,
			who: users.name,
			subjectType: auditEvents.subjectType,
			subjectId: auditEvents.subjectId,
			ip: auditEvents.ip,
			details: auditEvents.details
		})
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.actorId))
		.where(and(eq(auditEvents.childId, childId)))
		.orderBy(asc(auditEvents.occurredAt));
	return [json('audit-trail.json', rows)];
}

/** Every step of gathering what is held about a child, in order, for progress. */
export async function subjectAccessSteps(context: GatherContext): Promise<GatherStep[]> {
	const childMeetings = await context.db
		.select()
		.from(meetings)
		.where(eq(meetings.childId, context.childId))
		.orderBy(asc(meetings.startsAt));
	return [
		{ label: 'The child’s record, team and consents', run: () => childRecord(context) },
		{ label: 'Advice and reports', run: () => advice(context) },
		{ label: 'The plan’s versions and the local authority’s decisions', run: () => plan(context) },
		{
			label: 'Handovers to new settings and the child’s own views',
			run: () => handoversAndVoice(context)
		},
		...childMeetings.map((meeting) => meetingStep(context, meeting)),
		{ label: 'The audit trail', run: () => auditTrail(context) }
	];
}
