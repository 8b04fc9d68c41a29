import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { validateForm } from '$lib/server/forms.ts';
import { listTeam } from '$lib/server/services/children/team.ts';
import { listMeetingsForChild } from '$lib/server/services/meetings/listMeetingsForChild.ts';
import {
	closeMeeting,
	REOPEN_REASON_MAX_LENGTH,
	reopenMeeting
} from '$lib/server/services/meetings/closeMeeting.ts';
import { closingRefusal } from '$lib/server/services/meetings/closeConfirmation.ts';
import { liveMeetingPermissions } from '$lib/server/services/meetings/meetingPermissions.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { unresolvedActionCount } from '$lib/server/services/meetings/unresolvedActions.ts';
import { loadProgressHistory } from '$lib/server/services/plan/progressHistory.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import { TEAM_ROLE_LABELS, MEETING_TYPE_LABELS, labelFor } from '$lib/shared/domain/labels.ts';
import { isEhcpReview } from '$lib/shared/domain/timeline.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { LiveMeetingData } from '$lib/components/live/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const db = event.locals.db;
	const [team, meetings, history] = await Promise.all([
		listTeam(db, meeting.childId),
		listMeetingsForChild(db, meeting.childId),
		loadProgressHistory(db, meeting.childId, {
			upTo: meeting.startsAt,
			excludeMeetingId: meeting.id
		})
	]);
	const me = team.find((member) => member.userId === actor.id);
	const allMeetings = [...meetings.upcoming, ...meetings.inProgress, ...meetings.closed];
	const live: LiveMeetingData = {
		meeting: {
			id: meeting.id,
			type: meeting.type,
			typeLabel: labelFor(MEETING_TYPE_LABELS, meeting.type),
			isEhcpReview: isEhcpReview(meeting.type),
			startsAt: meeting.startsAt.toISOString(),
			childName: knownAs(meeting.child),
			closed: resource.closed
		},
		me: {
			userId: actor.id,
			name: event.locals.user?.name ?? '',
			teamRole: me?.teamRole ?? null
		},
		permissions: liveMeetingPermissions(actor, resource),
		team: team.map((member) => ({
			userId: member.userId,
			name: member.name,
			teamRole: member.teamRole,
			roleLabel: labelFor(TEAM_ROLE_LABELS, member.teamRole),
			agency: member.agency
		})),
		meetingDates: Object.fromEntries(allMeetings.map((m) => [m.id, ukDateOf(m.startsAt)])),
		// Only what the one-line history needs: the evidence stays on the meeting page.
		earlierProgress: Object.fromEntries(
			history.map((outcome) => [
				outcome.outcomeId,
				outcome.points.map(({ meetingDate, score }) => ({ meetingDate, score }))
			])
		)
	};
	return live;
};

const CLOSE_PROBLEMS = {
	not_found: 'This meeting no longer exists.',
	forbidden: 'Only the chair can close the meeting.',
	already_closed: 'The meeting is already closed.',
	not_closed: 'The meeting is open already.'
} as const;

const reopenForm = v.object({
	reason: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter why you are reopening the meeting'),
		v.maxLength(
			REOPEN_REASON_MAX_LENGTH,
			`The reason must be ${REOPEN_REASON_MAX_LENGTH} characters or fewer`
		)
	)
});

export const actions: Actions = {
	/** The chair closes the meeting: read-only for everyone, enforced by the live server. */
	close: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.chair');
		const form = await event.request.formData();
		// Counted again here, from the live document: the chair confirms any action left
		// without an owner or a due date, even if the page's own list was out of date.
		const unresolved = await unresolvedActionCount(event.locals.live, meeting.id);
		const refusal = closingRefusal(unresolved, form.get('confirmUnresolved') === 'yes');
		if (refusal) {
			return fail(400, { action: 'close' as const, errors: { confirmUnresolved: refusal } });
		}
		const result = await closeMeeting(event.locals.db, event.locals.live, actor, meeting.id);
		if (!result.ok) {
			return fail(result.problem === 'forbidden' ? 403 : 400, {
				action: 'close' as const,
				errors: { form: CLOSE_PROBLEMS[result.problem] }
			});
		}
		return { action: 'close' as const };
	},

	/** The chair reopens a closed meeting, giving a reason that is kept in the audit trail. */
	reopen: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.chair');
		const parsed = validateForm(reopenForm, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, { action: 'reopen' as const, errors: parsed.errors, values: parsed.values });
		}
		const result = await reopenMeeting(
			event.locals.db,
			event.locals.live,
			actor,
			meeting.id,
			parsed.data.reason
		);
		if (!result.ok) {
			const message =
				result.problem === 'reason_required' || result.problem === 'reason_too_long'
					? 'Enter why you are reopening the meeting'
					: CLOSE_PROBLEMS[result.problem];
			return fail(400, {
				action: 'reopen' as const,
				errors: { reason: message },
				values: { reason: parsed.data.reason }
			});
		}
		return { action: 'reopen' as const };
	}
};
