import { error } from '@sveltejs/kit';
import { listOutboxMail } from '$lib/server/mail/devOutbox.ts';
import type { PageServerLoad } from './$types';

// No sign-in needed: the outbox exists so that people without an account yet can follow
// the links they were sent. isDevOutboxShown explains why that is safe.
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (!locals.outboxShown) error(404, 'Not found');
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { mails: await listOutboxMail(locals.db) };
};
