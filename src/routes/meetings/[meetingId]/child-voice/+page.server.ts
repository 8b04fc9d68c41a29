import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { validateForm } from '$lib/server/forms.ts';
import {
	createChildVoiceLink,
	listChildVoiceLinks,
	revokeChildVoiceLink
} from '$lib/server/services/childVoice/links.ts';
import { requireMeeting } from '$lib/server/services/meetings/requireMeeting.ts';
import { knownAs } from '$lib/shared/domain/childNames.ts';
import type { Actions, PageServerLoad } from './$types';

/** Where coordinators and the child's parent or carer make the child's own link. */

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/London'
});

const RevokeForm = v.object({ linkId: v.pipe(v.string(), v.uuid('Choose a link to stop')) });

export const load: PageServerLoad = async (event) => {
	const { actor, meeting } = await requireMeeting(event, 'meeting.childVoiceLinks');
	const links = (await listChildVoiceLinks(event.locals.db, actor.id, meeting.id)) ?? [];
	const now = new Date();
	return {
		meetingId: meeting.id,
		childName: knownAs(meeting.child),
		links: links.map((link) => ({
			id: link.id,
			createdAtText: dateTime.format(link.createdAt),
			expiresAtText: dateTime.format(link.expiresAt),
			state: link.revokedAt ? 'Stopped' : link.expiresAt <= now ? 'Ended' : 'Open',
			open: !link.revokedAt && link.expiresAt > now,
			submittedAtText: link.submittedAt ? dateTime.format(link.submittedAt) : null
		})),
		revoked: event.url.searchParams.has('revoked')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.childVoiceLinks');
		const created = await createChildVoiceLink(event.locals.db, actor.id, meeting.id);
		if (!created.ok) {
			return fail(400, {
				problem:
					created.reason === 'started'
						? 'The meeting has already started, so a new link would not reach it in time.'
						: 'You cannot make a link for this meeting.'
			});
		}
		// Shown once, on this response only: only its hash is stored.
		return {
			created: {
				url: new URL(`/voice/${created.value.secret}`, event.url).href,
				expiresAtText: dateTime.format(created.value.expiresAt)
			}
		};
	},
	revoke: async (event) => {
		const { actor, meeting } = await requireMeeting(event, 'meeting.childVoiceLinks');
		const form = validateForm(RevokeForm, await event.request.formData());
		if (!form.ok) return fail(400, { problem: 'Choose a link to stop.' });
		await revokeChildVoiceLink(event.locals.db, actor.id, meeting.id, form.data.linkId);
		redirect(303, `/meetings/${meeting.id}/child-voice?revoked`);
	}
};
