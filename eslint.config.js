import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Server code (`$lib/server`, or any relative path through a `server/` folder, which
 * covers src/lib/server and the root server/) must not be imported by code that runs in
 * the browser. Type-only imports count too: they tie the browser to the server's modules.
 */
const SERVER_IMPORT = '^(\\$lib/server|(\\.{1,2}/)+([^/]+/)*server)(/|$)';

function forbidServerImports(message) {
	return { 'no-restricted-imports': ['error', { patterns: [{ regex: SERVER_IMPORT, message }] }] };
}

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'data/',
			'test-results/',
			'playwright-report/',
			'.test-output/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-non-null-assertion': 'error',
			// Coplan is served from the root path (no kit.paths.base), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['src/lib/shared/**/*.{js,ts,svelte}'],
		rules: forbidServerImports(
			'shared/ runs in the browser as well as on the server, so it must not import server code: move what both need into shared/.'
		)
	},
	{
		files: ['src/lib/components/**/*.{js,ts,svelte}', 'src/lib/client/**/*.{js,ts,svelte}'],
		// This test drives the browser's session against a real collaboration server.
		ignores: ['src/lib/client/collab/CollabSession.test.ts'],
		rules: forbidServerImports(
			'Components and client code run in the browser, so they must not import server code: import the types they render from $lib/shared.'
		)
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
