import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// Form actions keep SvelteKit's origin check (CSRF protection); it is on by default.
		// Content-Security-Policy on every page: SvelteKit adds a nonce (or, for prerendered
		// pages, a hash) to its own scripts, so no inline script runs without one. Styles
		// may be inline: Svelte sets style attributes and transitions; they cannot run code.
		// 'self' covers the same-origin websocket (/collab) in every current browser.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
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
