import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guards.ts';
import { validateForm } from '$lib/server/forms.ts';
import {
	listSignedInDevices,
	signOutDevice,
	signOutOtherDevices
} from '$lib/server/services/account/devices.ts';
import type { Actions, PageServerLoad } from './$types';

const DeviceForm = v.object({
	// Session ids are SHA-256 hex: anything else is not one of ours.
	sessionId: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Choose a device to sign out'))
});

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/London'
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const currentId = event.locals.session?.id ?? '';
	const devices = await listSignedInDevices(event.locals.db, user.id, currentId);
	const done = event.url.searchParams.get('signedOut');
	return {
		devices: devices.map((device) => ({
			id: device.id,
			description: device.description,
			current: device.current,
			awaitingTwoFactor: device.awaitingTwoFactor,
			signedInAt: device.signedInAt.toISOString(),
			signedInAtText: dateTime.format(device.signedInAt),
			lastSeenAt: device.lastSeenAt.toISOString(),
			lastSeenAtText: dateTime.format(device.lastSeenAt)
		})),
		signedOut: done === 'one' || done === 'others' ? done : null
	};
};

export const actions: Actions = {
	signOut: async (event) => {
		const user = requireUser(event);
		const form = validateForm(DeviceForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const { sessionId } = form.data;
		// This device signs out through the ordinary sign-out, which also clears its cookie.
		if (sessionId === event.locals.session?.id) redirect(303, '/account/devices');
		const removed = await signOutDevice(event.locals.db, user.id, sessionId);
		if (removed) event.locals.logger.info({ userId: user.id }, 'device signed out');
		await event.locals.live.sessionsEnded();
		redirect(303, '/account/devices?signedOut=one');
	},
	signOutOthers: async (event) => {
		const user = requireUser(event);
		const currentId = event.locals.session?.id;
		if (!currentId) redirect(303, '/sign-in');
		await signOutOtherDevices(event.locals.db, user.id, currentId);
		await event.locals.live.sessionsEnded();
		event.locals.logger.info({ userId: user.id }, 'all other devices signed out');
		redirect(303, '/account/devices?signedOut=others');
	}
};
