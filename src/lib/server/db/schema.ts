/**
 * The database schema that drizzle-kit reads (drizzle.config.ts) and the rest of the code
 * imports: one file per area under ./schema/, all exported from here.
 */
export * from './schema/accounts.ts';
export * from './schema/children.ts';
export * from './schema/meetings.ts';
export * from './schema/documents.ts';
export * from './schema/plans.ts';
export * from './schema/records.ts';
export * from './schema/toolTokens.ts';
export * from './schema/packs.ts';
export * from './schema/handovers.ts';
export * from './schema/childVoice.ts';
