import { error, fail, redirect } from '@sveltejs/kit';
import { validateForm } from '$lib/server/forms.ts';
import {
	markDeadlineDone,
	reopenDeadline
} from '$lib/server/services/meetings/deadlineCompletion.ts';
import { meetingPagePermissions } from '$lib/server/services/meetings/meetingPermissions.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import {
	refreshLiveCasework,
	refreshLiveCaseworkOfChild
} from '$lib/server/services/meetings/liveCasework.ts';
import {
	ContributionForm,
	RESPONSE_REFUSALS,
	ResponseForm,
	listContributions,
	listInvitees,
	respondToMeeting,
	saveContribution
} from '$lib/server/services/meetings/responses.ts';
import { meetingTimeline } from '$lib/server/services/meetings/timelines.ts';
import {
	LA_DECISION_REFUSALS,
	laDecisionFromForm,
	recordLaDecision
} from '$lib/server/services/plan/laDecision.ts';
import { loadReviewPlanStatus } from '$lib/server/services/plan/reviewPlanStatus.ts';
import { loadProgressHistory } from '$lib/server/services/plan/progressHistory.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import { describeStatus, DEFAULT_DUE_SOON_DAYS } from '$lib/shared/domain/timeline.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { missingStatutoryInvitees } from '$lib/shared/domain/statutoryInvitees.ts';

export const load: PageServerLoad = async (event) => {
	const { actor, meeting, resource } = await requireMeeting(event, 'meeting.view');
	const { db } = event.locals;
	const now = new Date();
	const [invitees, contributions, deadlines, planAfterReview, progress] = await Promise.all([
		listInvitees(db, meeting.id),
		listContributions(db, meeting.id),
		meetingTimeline(db, meeting, now),
		loadReviewPlanStatus(db, meeting.id),
		// Earlier reviews only: this meeting's own scores are its minutes, not its history.
		loadProgressHistory(db, meeting.childId, {
			upTo: meeting.startsAt,
			excludeMeetingId: meeting.id
		})
	]);
	const me = invitees.find((invitee) => invitee.userId === actor.id) ?? null;
	const { searchParams } = event.url;
	return {
		meeting: {
			id: meeting.id,
			childId: meeting.childId,
			type: meeting.type,
			transfer: meeting.transfer,
			startsAt: meeting.startsAt,
			durationMinutes: meeting.durationMinutes,
			location: meeting.location,
			onlineLink: meeting.onlineLink,
			chairName: meeting.chairName,
			agenda: meeting.agenda,
			status: meeting.status
		},
		childName: knownAs(meeting.child),
		invitees: invitees.map(({ contribution: _text, contributionAt: _at, ...invitee }) => invitee),
		missingInvitees: missingStatutoryInvitees(
			meeting.type,
			invitees.map((invitee) => invitee.teamRole)
		).map((group) => group.label),
		contributions,
		progress,
		deadlines: deadlines.map((deadline) => ({
			key: deadline.rule.key,
			title: deadline.rule.title,
			description: deadline.rule.description,
			condition: deadline.rule.condition ?? null,
			source: deadline.rule.source,
			force: deadline.rule.force,
			dueDate: deadline.dueDate,
			earliestDate: deadline.earliestDate,
			weekendNote: deadline.weekendNote,
			status: deadline.status,
			statusText: describeStatus(deadline, now),
			markedDone: deadline.completion !== null,
			metByLaterMeeting: deadline.metBy !== null,
			metByDecision: deadline.rule.metByDecision ?? false
		})),
		planAfterReview,
		dueSoonDays: DEFAULT_DUE_SOON_DAYS,
		myReply: me ? { rsvp: me.rsvp } : null,
		myContribution: contributions.find((c) => c.userId === actor.id)?.text ?? '',
		permissions: meetingPagePermissions(actor, resource, me !== null),
		notices: {
			scheduled: searchParams.has('scheduled') ? Number(searchParams.get('scheduled')) || 0 : null,
			notEmailed: Number(searchParams.get('notEmailed')) || 0,
			replied: searchParams.has('replied'),
			contributed: searchParams.has('contributed'),
			decided: searchParams.has('decided')
		}
	};
};

async function changeDeadline(event: RequestEvent, change: typeof markDeadlineDone) {
	const { actor, meeting } = await requireMeeting(event, 'meeting.trackDeadlines');
	const ruleKey = (await event.request.formData()).get('ruleKey');
	const result = await change(event.locals.db, meeting, String(ruleKey ?? ''), actor.id);
	if (!result.ok) error(400, 'That deadline does not belong to this meeting.');
	redirect(303, `/meetings/${meeting.id}#deadline-${String(ruleKey)}`);
}

export const actions: Actions = {
	respond: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.respond');
		const form = validateForm(ResponseForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'respond', errors: form.errors, values: form.values });
		const result = await respondToMeeting(
			event.locals.db,
			meeting.id,
			actor.id,
			form.data.response
		);
		if (!result.ok) {
			return fail(400, {
				action: 'respond',
				errors: { response: RESPONSE_REFUSALS[result.reason] },
				values: { response: form.data.response } as Record<string, string>
			});
		}
		// The live meeting shows the apology (or the change of mind) at once.
		if (event.locals.user) {
			await refreshLiveCasework(event.locals.db, event.locals.live, meeting.id, event.locals.user);
		}
		redirect(303, `/meetings/${meeting.id}?replied#your-reply`);
	},
	contribute: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.respond');
		const form = validateForm(ContributionForm, await event.request.formData());
		if (!form.ok) {
			return fail(400, { action: 'contribute', errors: form.errors, values: form.values });
		}
		const result = await saveContribution(
			event.locals.db,
			meeting.id,
			actor.id,
			form.data.contribution
		);
		if (!result.ok) {
			return fail(400, {
				action: 'contribute',
				errors: { contribution: RESPONSE_REFUSALS[result.reason] },
				values: { contribution: form.data.contribution } as Record<string, string>
			});
		}
		if (event.locals.user) {
			await refreshLiveCasework(event.locals.db, event.locals.live, meeting.id, event.locals.user);
		}
		redirect(303, `/meetings/${meeting.id}?contributed#contributions`);
	},
	laDecision: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.trackDeadlines');
		const { input, dateError, values } = laDecisionFromForm(await event.request.formData());
		const result = await recordLaDecision(event.locals.db, actor, meeting.id, input);
		if (!result.ok && result.problem !== 'invalid')
			error(400, LA_DECISION_REFUSALS[result.problem]);
		if (!result.ok || dateError) {
			const errors: Record<string, string> = result.ok ? {} : { ...result.errors };
			if (dateError) errors.decidedOn = dateError;
			return fail(400, { action: 'laDecision', errors, values });
		}
		// Later reviews already open take up what the amended plan added.
		if (event.locals.user && result.planVersionId) {
			await refreshLiveCaseworkOfChild(
				event.locals.db,
				event.locals.live,
				meeting.childId,
				event.locals.user,
				meeting.id
			);
		}
		redirect(303, `/meetings/${meeting.id}?decided#la-decision`);
	},
	completeDeadline: (event) => changeDeadline(event, markDeadlineDone),
	reopenDeadline: (event) => changeDeadline(event, reopenDeadline)
};
