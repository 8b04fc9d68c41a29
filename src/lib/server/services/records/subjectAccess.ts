import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { zip, type Zippable } from 'fflate';
import type { Database } from '../../db/client.ts';
import { children, subjectAccessExports, users } from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Logger } from '../../logger.ts';
import { formatUkDateTime } from '../../../shared/domain/ukCalendar.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { subjectAccessSteps, type GatheredFile } from './subjectAccessFiles.ts';

/** Kept this long for the admin to download, then deleted. */
const KEPT_FOR_MS = 7 * 24 * 60 * 60_000;
/** A gathering still "running" after this was cut short by a restart. */
const INTERRUPTED_AFTER_MS = 30 * 60_000;

export interface SubjectAccessDependencies {
	db: Database;
	live: LiveDocuments;
	logger: Logger;
}

function zipFiles(files: GatheredFile[]): Promise<Uint8Array> {
	const tree: Zippable = {};
	for (const file of files) {
		// PDFs and uploaded files are compressed already: store them as they are.
		const stored = /\.(pdf|png|jpe?g|docx|zip)$/i.test(file.path);
		tree[file.path] = [file.bytes, { level: stored ? 0 : 6 }];
	}
	// fflate's asynchronous zip compresses in worker threads, off the event loop.
	return new Promise((resolve, reject) =>
		zip(tree, (error, data) => (error ? reject(error) : resolve(data)))
	);
}

function readme(childName: string, requestedBy: string, now: Date): GatheredFile {
	const text = [
		`Everything Coplan holds about ${childName}, gathered for a subject access request`,
		`by ${requestedBy} on ${formatUkDateTime(now)}.`,
		'',
		'child/        the record, the team, invitations and the family’s consents',
		'advice/       advice and reports, with the files uploaded',
		'meetings/     each meeting: its details, actions and outcomes, the live document,',
		'              its history (every change, who made it and when), and each version',
		'              of the minutes as JSON and PDF',
		'audit-trail.json   every read, change and download of the record',
		'',
		'Folders named "restricted" hold restricted notes (social care, safeguarding,',
		'medical detail) and the full minutes including them. Before anything is disclosed,',
		'check it for information about other people and for anything that must be withheld.'
	].join('\n');
	return { path: 'README.txt', bytes: new TextEncoder().encode(text) };
}

export type StartResult =
	{ ok: true; exportId: string; done: Promise<void> } | { ok: false; reason: 'notFound' | 'busy' };

/**
 * Starts gathering everything held about a child into a zip (the caller has checked
 * organisation.manageRecords). It runs in the background, writing its progress as it
 * goes; `done` settles when it has finished or failed. One at a time per admin.
 */
export async function startSubjectAccessExport(
	deps: SubjectAccessDependencies,
	input: {
		actor: { id: string; name: string };
		organisationId: string;
		childId: string;
		now?: Date;
	}
): Promise<StartResult> {
	const { db } = deps;
	const now = input.now ?? new Date();
	if (!isUuid(input.childId)) return { ok: false, reason: 'notFound' };
	const [child] = await db
		.select({ firstName: children.firstName, lastName: children.lastName })
		.from(children)
		.where(and(eq(children.id, input.childId), eq(children.organisationId, input.organisationId)));
	if (!child) return { ok: false, reason: 'notFound' };
	const running = await db
		.select({ id: subjectAccessExports.id })
		.from(subjectAccessExports)
		.where(
			and(
				eq(subjectAccessExports.requestedBy, input.actor.id),
				eq(subjectAccessExports.status, 'running'),
				gte(subjectAccessExports.createdAt, new Date(now.getTime() - INTERRUPTED_AFTER_MS))
			)
		);
	if (running.length > 0) return { ok: false, reason: 'busy' };
	const steps = await subjectAccessSteps({
		db,
		live: deps.live,
		childId: input.childId,
		requestedBy: input.actor,
		now
	});
	const [row] = await db
		.insert(subjectAccessExports)
		.values({
			childId: input.childId,
			requestedBy: input.actor.id,
			stepsTotal: steps.length + 1,
			currentStep: steps[0]?.label ?? ''
		})
		.returning({ id: subjectAccessExports.id });
	if (!row) throw new Error('subject access export not created');
	const exportId = row.id;
	await recordAuditEvent(db, {
		actorId: input.actor.id,
		action: 'child.exported',
		subjectType: 'child',
		subjectId: input.childId,
		organisationId: input.organisationId,
		details: { exportId }
	});
	const progress = (values: Partial<typeof subjectAccessExports.$inferInsert>) =>
		db.update(subjectAccessExports).set(values).where(eq(subjectAccessExports.id, exportId));
	const done = (async () => {
		const files = [readme(`${child.firstName} ${child.lastName}`, input.actor.name, now)];
		for (const [index, step] of steps.entries()) {
			await progress({ stepsDone: index, currentStep: step.label });
			files.push(...(await step.run()));
		}
		await progress({ stepsDone: steps.length, currentStep: 'Making the zip file' });
		const bytes = await zipFiles(files);
		await progress({
			status: 'ready',
			stepsDone: steps.length + 1,
			currentStep: '',
			zip: bytes,
			byteSize: bytes.byteLength,
			finishedAt: new Date()
		});
	})().catch(async (error: unknown) => {
		deps.logger.error({ err: error, exportId }, 'subject access export failed');
		await progress({
			status: 'failed',
			error:
				'Something went wrong while gathering the records. Try again; if it fails again, tell your Coplan support team.',
			finishedAt: new Date()
		}).catch(() => {});
	});
	return { ok: true, exportId, done };
}

export interface SubjectAccessExportView {
	id: string;
	childId: string;
	childName: string;
	requestedByName: string | null;
	status: 'running' | 'ready' | 'failed';
	stepsDone: number;
	stepsTotal: number;
	currentStep: string;
	byteSize: number | null;
	error: string | null;
	createdAt: Date;
}

/** An organisation's exports of the last week, newest first; older ones are deleted here. */
export async function listSubjectAccessExports(
	db: Database,
	organisationId: string,
	now = new Date()
): Promise<SubjectAccessExportView[]> {
	await db
		.delete(subjectAccessExports)
		.where(lt(subjectAccessExports.createdAt, new Date(now.getTime() - KEPT_FOR_MS)));
	return exportViews(db, organisationId, now);
}

async function exportViews(
	db: Database,
	organisationId: string,
	now: Date,
	exportId?: string
): Promise<SubjectAccessExportView[]> {
	const rows = await db
		.select({
			id: subjectAccessExports.id,
			childId: subjectAccessExports.childId,
			childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
			requestedByName: users.name,
			status: subjectAccessExports.status,
			stepsDone: subjectAccessExports.stepsDone,
			stepsTotal: subjectAccessExports.stepsTotal,
			currentStep: subjectAccessExports.currentStep,
			byteSize: subjectAccessExports.byteSize,
			error: subjectAccessExports.error,
			createdAt: subjectAccessExports.createdAt
		})
		.from(subjectAccessExports)
		.innerJoin(children, eq(children.id, subjectAccessExports.childId))
		.leftJoin(users, eq(users.id, subjectAccessExports.requestedBy))
		.where(
			and(
				eq(children.organisationId, organisationId),
				exportId ? eq(subjectAccessExports.id, exportId) : undefined
			)
		)
		.orderBy(desc(subjectAccessExports.createdAt));
	return rows.map((row) =>
		row.status === 'running' && now.getTime() - row.createdAt.getTime() > INTERRUPTED_AFTER_MS
			? {
					...row,
					status: 'failed' as const,
					error: 'It was interrupted (the server restarted). Start it again.'
				}
			: row
	);
}

export async function findSubjectAccessExport(
	db: Database,
	organisationId: string,
	exportId: string,
	now = new Date()
): Promise<SubjectAccessExportView | null> {
	if (!isUuid(exportId)) return null;
	return (await exportViews(db, organisationId, now, exportId))[0] ?? null;
}

/** The zip of a finished export of the organisation's, or null. */
export async function subjectAccessZip(
	db: Database,
	organisationId: string,
	exportId: string
): Promise<{ bytes: Uint8Array; childId: string; childName: string } | null> {
	if (!isUuid(exportId)) return null;
	const [row] = await db
		.select({
			zip: subjectAccessExports.zip,
			childId: subjectAccessExports.childId,
			firstName: children.firstName,
			lastName: children.lastName
		})
		.from(subjectAccessExports)
		.innerJoin(children, eq(children.id, subjectAccessExports.childId))
		.where(
			and(
				eq(subjectAccessExports.id, exportId),
				eq(children.organisationId, organisationId),
				eq(subjectAccessExports.status, 'ready')
			)
		);
	if (!row?.zip) return null;
	return { bytes: row.zip, childId: row.childId, childName: `${row.firstName} ${row.lastName}` };
}
