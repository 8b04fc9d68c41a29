import { fail, redirect } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guards.ts';
import { formatKeyForManualEntry, totpKeyUri } from '$lib/server/auth/totp.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	confirmEnrolment,
	disableTwoFactor,
	pendingEnrolmentKey,
	renewRecoveryCodes,
	tooManyCodesMessage,
	twoFactorStatus,
	type CodeCheck
} from '$lib/server/services/account/twoFactor.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const WRONG_CODE = 'The code is not right. Check your app and enter the code it shows now';

function codeForm(field: string) {
	return v.object({
		[field]: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter the 6-digit code from your app'))
	});
}

function codeError(check: Exclude<CodeCheck, { ok: true }>): string {
	return check.reason === 'limited' ? tooManyCodesMessage(check.retryAfterMinutes) : WRONG_CODE;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = event.locals;
	const status = await twoFactorStatus(db, user.id);
	let enrolment = null;
	if (!status.enabled) {
		const key = await pendingEnrolmentKey(db, user.id);
		const uri = totpKeyUri(user.email, key);
		const svg = renderSVG(uri, { border: 2, pixelSize: 6 });
		enrolment = {
			qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
			keyUri: uri,
			manualKey: formatKeyForManualEntry(key)
		};
	}
	return {
		...status,
		setupRequired: event.locals.twoFactorSetupRequired,
		turnedOff: event.url.searchParams.has('turnedOff'),
		enrolment
	};
};

/** Reads one code field; the code is never echoed back into the page. */
async function readCode(event: RequestEvent, field: string) {
	const form = validateForm(codeForm(field), await event.request.formData(), [field]);
	if (!form.ok) return { code: null, errors: form.errors };
	const code = form.data[field];
	return { code: typeof code === 'string' ? code : '', errors: null };
}

export const actions: Actions = {
	confirm: async (event) => {
		const user = requireUser(event);
		const session = event.locals.session;
		if (!session) redirect(303, '/sign-in');
		const { code, errors } = await readCode(event, 'code');
		if (code === null) return fail(400, { errors });
		const result = await confirmEnrolment(event.locals.db, {
			userId: user.id,
			sessionId: session.id,
			code
		});
		if (result.ok) {
			event.locals.logger.info({ userId: user.id }, 'two-factor authentication turned on');
			return { recoveryCodes: result.recoveryCodes, justEnabled: true };
		}
		if (result.reason === 'already-enabled') redirect(303, '/account/two-factor');
		if (result.reason === 'no-pending-key') {
			return fail(400, {
				errors: { code: 'Your set-up had expired. Scan the QR code again, then enter a new code' }
			});
		}
		return fail(result.reason === 'limited' ? 429 : 400, { errors: { code: codeError(result) } });
	},

	renewRecoveryCodes: async (event) => {
		const user = requireUser(event);
		const { code, errors } = await readCode(event, 'renewCode');
		if (code === null) return fail(400, { errors });
		const result = await renewRecoveryCodes(event.locals.db, { userId: user.id, code });
		if (result.ok) return { recoveryCodes: result.recoveryCodes, justEnabled: false };
		if (result.reason === 'not-enabled') redirect(303, '/account/two-factor');
		return fail(result.reason === 'limited' ? 429 : 400, {
			errors: { renewCode: codeError(result) }
		});
	},

	turnOff: async (event) => {
		const user = requireUser(event);
		const { code, errors } = await readCode(event, 'turnOffCode');
		if (code === null) return fail(400, { errors });
		const result = await disableTwoFactor(event.locals.db, { userId: user.id, code });
		if (result.ok) {
			event.locals.logger.info({ userId: user.id }, 'two-factor authentication turned off');
			redirect(303, '/account/two-factor?turnedOff=1');
		}
		if (result.reason === 'not-enabled') redirect(303, '/account/two-factor');
		if (result.reason === 'required') {
			return fail(400, {
				errors: {
					turnOffCode: `${result.requiredBy.join(' and ')} requires two-factor authentication, so it cannot be turned off`
				}
			});
		}
		return fail(result.reason === 'limited' ? 429 : 400, {
			errors: { turnOffCode: codeError(result) }
		});
	}
};
