import type { connectedPayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { DocumentAccess } from '../documentAccess.ts';
import { decideConnectionAccess, holderKey } from '../connectionAccess.ts';
import type { Database } from '../../db/client.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import type { CollabContext } from '../context.ts';
import type { AccessEpoch } from '../accessEpoch.ts';
import { applyAccess } from '../liveAccess.ts';
import type { OpeningAudit } from '../openingAudit.ts';
import { SingleFlight } from '../../singleFlight.ts';

/**
 * Decides, through can(), whether the signed-in user may open a document: only the
 * child's team (and coordinators of the child's organisation) may view a meeting; the
 * restricted companion document only the professionals allowed to read restricted
 * content. Someone who may view but not collaborate (closed meeting, coordinator outside
 * the team) gets a read-only connection: Hocuspocus then drops their edits.
 */
export class AuthorizationExtension implements Extension {
	priority = 800;
	private readonly db: Database;
	private readonly epoch: AccessEpoch;
	private readonly audit: OpeningAudit;
	/**
	 * One decision at a time per person, document and access epoch: a reconnection storm
	 * (a restart, a network blip) brings each person's tabs back at once, and they share it.
	 */
	private readonly decisions = new SingleFlight<string, DocumentAccess>();

	constructor(db: Database, epoch: AccessEpoch, audit: OpeningAudit) {
		this.db = db;
		this.epoch = epoch;
		this.audit = audit;
	}

	async onAuthenticate({
		documentName,
		context,
		connectionConfig
	}: onAuthenticatePayload<CollabContext>): Promise<Partial<CollabContext>> {
		if (!context.user) throw { reason: COLLAB_DENIAL.unauthenticated };
		const decidedAt = this.epoch.current;
		const holder = { userId: context.user.id, toolToken: context.toolToken };
		const access = await this.decisions.run(
			`${holderKey(holder)}\u0000${documentName}\u0000${decidedAt}`,
			() => decideConnectionAccess(this.db, holder, documentName)
		);
		if (!access.allowed) throw { reason: access.reason };
		connectionConfig.readOnly = access.readOnly;
		return { access, accessDecidedAt: decidedAt };
	}

	/**
	 * Says why the live connection is read-only, deciding again only if an access change
	 * was announced since the decision at authentication: a meeting closed while this
	 * connection was authenticating is caught here, because the close service changes the
	 * database before it refreshes the live connections (see AccessEpoch).
	 */
	async connected({ connection, context, documentName }: connectedPayload<CollabContext>) {
		if (!context.user) return;
		const unchanged = context.access && context.accessDecidedAt === this.epoch.current;
		const access =
			unchanged && context.access
				? context.access
				: await decideConnectionAccess(
						this.db,
						{ userId: context.user.id, toolToken: context.toolToken },
						documentName
					);
		applyAccess(connection, access, { announce: true });
		if (access.allowed) {
			// Opening a live document reads the child's record, like opening its page.
			this.audit.record({
				actorId: context.user.id,
				childId: access.childId,
				organisationId: access.organisationId,
				ip: context.address ?? null,
				documentName,
				...(context.endpoint ? { endpoint: context.endpoint } : {})
			});
		}
	}
}
