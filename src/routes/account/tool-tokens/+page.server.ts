import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guards.ts';
import { TOOL_TOKEN_DEFAULT_DAYS, TOOL_TOKEN_MAX_DAYS } from '$lib/server/auth/toolTokens.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	createToolToken,
	listToolTokens,
	revokeToolToken,
	toolTokenMeetingChoices,
	type MeetingChoice
} from '$lib/server/services/account/toolTokens.ts';
import { MEETING_TYPE_LABELS, labelFor } from '$lib/shared/domain/labels.ts';
import type { Actions, PageServerLoad } from './$types';

const LABEL_MAX = 80;

const CreateForm = v.object({
	label: v.pipe(
		v.string('Enter a name for the token'),
		v.trim(),
		v.nonEmpty('Enter a name for the token, so that you can tell it apart from others'),
		v.maxLength(LABEL_MAX, `The name must be ${LABEL_MAX} characters or fewer`)
	),
	meetingId: v.pipe(
		v.string('Choose the meeting the tool may open'),
		v.uuid('Choose the meeting the tool may open')
	),
	access: v.picklist(
		['read', 'write'],
		'Choose whether the tool may only read the meeting or also change it'
	),
	days: v.pipe(
		v.string(`Enter how many days the token should last, from 1 to ${TOOL_TOKEN_MAX_DAYS}`),
		v.trim(),
		v.regex(
			/^\d{1,3}$/,
			`Enter how many days the token should last as a whole number, such as ${TOOL_TOKEN_DEFAULT_DAYS}`
		),
		v.transform(Number),
		v.minValue(1, 'A token must last at least 1 day'),
		v.maxValue(TOOL_TOKEN_MAX_DAYS, `A token can last at most ${TOOL_TOKEN_MAX_DAYS} days`)
	)
});

const RevokeForm = v.object({
	tokenId: v.pipe(v.string(), v.uuid('Choose a token to revoke'))
});

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/London'
});

function describeMeeting(meeting: MeetingChoice): string {
	const type = labelFor(MEETING_TYPE_LABELS, meeting.meetingType);
	return `${meeting.childName}: ${type}, ${date.format(meeting.startsAt)}`;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const [tokens, meetings] = await Promise.all([
		listToolTokens(event.locals.db, user.id),
		toolTokenMeetingChoices(event.locals.db, user.id)
	]);
	return {
		tokens: tokens.map((token) => ({
			id: token.id,
			label: token.label,
			access: token.readOnly ? 'Read only' : 'Read and change',
			meeting: token.meeting ? describeMeeting(token.meeting) : 'A meeting you can no longer open',
			expired: token.expired,
			expiresAt: token.expiresAt.toISOString(),
			expiresAtText: dateTime.format(token.expiresAt),
			lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
			lastUsedAtText: token.lastUsedAt ? dateTime.format(token.lastUsedAt) : null
		})),
		meetings: meetings.map((meeting) => ({ id: meeting.id, label: describeMeeting(meeting) })),
		defaultDays: TOOL_TOKEN_DEFAULT_DAYS,
		maxDays: TOOL_TOKEN_MAX_DAYS,
		revoked: event.url.searchParams.has('revoked')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = validateForm(CreateForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const created = await createToolToken(event.locals.db, {
			userId: user.id,
			meetingId: form.data.meetingId,
			label: form.data.label,
			readOnly: form.data.access === 'read',
			days: form.data.days,
			ip: event.getClientAddress()
		});
		if (!created.ok) {
			return fail(400, {
				errors: { meetingId: 'Choose a meeting you can open' },
				values: {
					label: form.data.label,
					access: form.data.access,
					days: String(form.data.days)
				}
			});
		}
		event.locals.logger.info({ userId: user.id, tokenId: created.id }, 'tool token created');
		// Shown once, on this response only: never stored, never put in a URL.
		return {
			created: {
				label: form.data.label,
				secret: created.secret,
				expiresAtText: dateTime.format(created.expiresAt)
			}
		};
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = validateForm(RevokeForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const revoked = await revokeToolToken(
			event.locals.db,
			user.id,
			form.data.tokenId,
			event.getClientAddress()
		);
		if (revoked) event.locals.logger.info({ userId: user.id }, 'tool token revoked');
		// Its open connections close now, not at the next check.
		await event.locals.live.sessionsEnded();
		redirect(303, '/account/tool-tokens?revoked');
	}
};
