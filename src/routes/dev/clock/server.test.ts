import { describe, expect, it } from 'vitest';
import { createOffsetClock, isDevClockOn } from '$lib/server/devClock.ts';
import { POST } from './+server.ts';

type Event = Parameters<typeof POST>[0];

function post(devClock: App.Locals['devClock'], body: unknown): Promise<Response> {
	const request = new Request('http://coplan.test/dev/clock', {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'content-type': 'application/json' }
	});
	return Promise.resolve(POST({ locals: { devClock }, request } as unknown as Event)).then(
		(response) => response,
		(failure: { status?: number }) => new Response(null, { status: failure.status ?? 500 })
	);
}

describe('POST /dev/clock', () => {
	it('does not exist when the clock may not be moved', async () => {
		expect((await post(null, { days: 14 })).status).toBe(404);
	});

	it('moves the clock and answers with its new time', async () => {
		const offset = createOffsetClock({
			now: () => new Date('2027-01-01T08:00:00Z'),
			setTimeout: () => 0,
			clearTimeout: () => {}
		});
		let checked = 0;
		const devClock = {
			advanceDays: async (days: number) => {
				const now = offset.advanceDays(days);
				checked += 1;
				return now;
			}
		};
		const response = await post(devClock, { days: 7 });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ now: '2027-01-08T08:00:00.000Z' });
		expect(offset.clock.now().toISOString()).toBe('2027-01-08T08:00:00.000Z');
		expect(checked).toBe(1);
		expect((await post(devClock, { days: -3 })).status).toBe(400);
		expect((await post(devClock, { days: 'soon' })).status).toBe(400);
	});
});

describe('isDevClockOn', () => {
	const base = { SMTP_URL: undefined, NODE_ENV: 'production', COPLAN_DEV_OUTBOX: undefined };

	it('is off unless COPLAN_DEV_CLOCK=1', () => {
		expect(isDevClockOn({ ...base, DATABASE_URL: undefined, COPLAN_DEV_CLOCK: undefined })).toBe(
			false
		);
		expect(isDevClockOn({ ...base, DATABASE_URL: undefined, COPLAN_DEV_CLOCK: '1' })).toBe(true);
	});

	it('is off in a deployment, even with COPLAN_DEV_CLOCK=1: real mail or PostgreSQL', () => {
		expect(
			isDevClockOn({
				...base,
				SMTP_URL: 'smtp://mail.example',
				DATABASE_URL: undefined,
				COPLAN_DEV_CLOCK: '1'
			})
		).toBe(false);
		expect(
			isDevClockOn({ ...base, DATABASE_URL: 'postgres://db/coplan', COPLAN_DEV_CLOCK: '1' })
		).toBe(false);
	});
});
