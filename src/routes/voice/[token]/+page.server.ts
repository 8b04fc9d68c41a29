import { fail } from '@sveltejs/kit';
import { consume } from '$lib/server/auth/rateLimit.ts';
import { openChildVoiceLink } from '$lib/server/services/childVoice/links.ts';
import { checkPicture } from '$lib/server/services/childVoice/picture.ts';
import { submitChildVoice } from '$lib/server/services/childVoice/submitChildVoice.ts';
import {
	CHILD_VOICE_QUESTIONS,
	checkChildVoice,
	readChildVoiceForm
} from '$lib/shared/domain/childVoiceQuestions.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The child's own page, opened with a link and no account. It shows only the child's
 * first name and the questions: nothing else about the meeting reaches it.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The secret is in the address: keep the page out of shared caches.
	setHeaders({ 'cache-control': 'no-store' });
	const link = await openChildVoiceLink(locals.db, params.token);
	if (!link) return { state: 'closed' as const };
	return { state: 'open' as const, firstName: link.firstName, questions: CHILD_VOICE_QUESTIONS };
};

/** Enough for a child changing their mind many times, not for flooding the meeting. */
const SENDS_PER_LINK = { limit: 30, windowMs: 60 * 60 * 1000 };

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const link = await openChildVoiceLink(locals.db, params.token);
		if (!link) return fail(410, { closed: true });
		const form = await event.request.formData();
		const given = readChildVoiceForm(form);
		const rate = await consume(locals.db, { key: `child-voice:${link.linkId}`, ...SENDS_PER_LINK });
		if (!rate.allowed) {
			return fail(429, {
				given,
				problems: ['You have sent a lot of times. Please wait a little and try again.']
			});
		}
		const picture = await checkPicture(form.get('picture'));
		const checked = checkChildVoice(given, picture.ok && picture.picture !== null);
		const problems = [
			...(picture.ok ? [] : [picture.problem]),
			...(checked.ok ? [] : checked.problems)
		];
		if (!picture.ok || !checked.ok) return fail(400, { given, problems });
		await submitChildVoice(
			locals.db,
			locals.live,
			link,
			checked.value,
			picture.picture,
			event.getClientAddress()
		);
		locals.logger.info({ linkId: link.linkId }, 'child voice sent');
		return { sent: true };
	}
};
