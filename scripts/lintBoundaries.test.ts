import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules in eslint.config.js: code that runs in the browser (shared/,
 * components/, client/) may not import server code, whether by `$lib/server` or by a
 * relative path. Each case lints text as if it were an existing file at that path.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });

async function ruleIds(path: string, code: string): Promise<(string | null)[]> {
	const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
	return (result?.messages ?? []).map((message) => message.ruleId);
}

const SHARED_FILE = 'src/lib/shared/domain/timeline.ts';
const CLIENT_FILE = 'src/lib/client/collab/syncStatus.ts';
const COMPONENT_FILE = 'src/lib/components/minutes/MinutesBlocks.svelte';

const component = (importLine: string, type: string) => `<script lang="ts">
	${importLine}

	let { document }: { document: ${type} } = $props();
</script>

<p>{document.title}</p>
`;

describe('shared code', () => {
	it.each([
		[
			'a relative path into server/',
			"import type { MeetingType } from '../../server/db/schema.ts';"
		],
		['$lib/server', "import type { MeetingType } from '$lib/server/db/schema.ts';"],
		['the root server/ folder', "import type { MeetingType } from '../../../../server/main.ts';"],
		['a re-export', "export { seedDemo } from '../../server/demo/seed.ts';"]
	])('may not import server code by %s', async (_how, code) => {
		const body = code.startsWith('export') ? code : `${code}\nexport type Type = MeetingType;`;
		expect(await ruleIds(SHARED_FILE, body)).toEqual(['no-restricted-imports']);
	});

	it('may import other shared code', async () => {
		const code =
			"import type { MeetingType } from './meetingTypes.ts';\nexport type Type = MeetingType;";
		expect(await ruleIds(SHARED_FILE, code)).toEqual([]);
	});
});

// The first Svelte file starts typescript-eslint's project service, which loads the whole
// project: far slower than a plain lint.
describe('components', { timeout: 120_000 }, () => {
	it.each([
		['$lib/server', "import type { LaidOutDocument } from '$lib/server/minutes/layout/blocks.ts';"],
		[
			'a relative path into server/',
			"import type { LaidOutDocument } from '../../server/minutes/layout/blocks.ts';"
		]
	])('may not import server code by %s', async (_how, importLine) => {
		expect(await ruleIds(COMPONENT_FILE, component(importLine, 'LaidOutDocument'))).toEqual([
			'no-restricted-imports'
		]);
	});

	it('may import shared view models', async () => {
		const importLine =
			"import type { SectionChanges } from '$lib/shared/viewModels/minutesChanges.ts';";
		const code = component(importLine, 'SectionChanges & { title: string }');
		expect(await ruleIds(COMPONENT_FILE, code)).toEqual([]);
	});
});

describe('client code', () => {
	it.each([
		['$lib/server', "import type { Database } from '$lib/server/db/client.ts';"],
		['a relative path into server/', "import type { Database } from '../../server/db/client.ts';"]
	])('may not import server code by %s', async (_how, code) => {
		const body = `${code}\nexport type Type = Database;`;
		expect(await ruleIds(CLIENT_FILE, body)).toEqual(['no-restricted-imports']);
	});

	it('may import shared code', async () => {
		const code =
			"import { COLLAB_DENIAL } from '../../shared/collab/closeCodes.ts';\nexport const denial = COLLAB_DENIAL;";
		expect(await ruleIds(CLIENT_FILE, code)).toEqual([]);
	});
});

describe('server code', () => {
	it('may import server code', async () => {
		const code = "import type { Database } from './db/client.ts';\nexport type Type = Database;";
		expect(await ruleIds('src/lib/server/policy.ts', code)).toEqual([]);
	});
});
