import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// Form actions keep SvelteKit's origin check (CSRF protection); it is on by default.
		typescript: {
			config(tsconfig) {
				// Our own server entry, scripts and tests are type-checked with the app.
				tsconfig.include.push('../server/**/*.ts', '../scripts/**/*.ts', '../tests/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
