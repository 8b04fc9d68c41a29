import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes (Yjs state, sealed secrets); drizzle-orm 0.45 has no built-in bytea column. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export const createdAt = () =>
	timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
