import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// `npm run bench` builds from a routes folder that adds its benchmark pages (test/bench/pages) to the app's;
		// every other build has the app's pages only, so the benchmark pages never ship.
		files: { routes: process.env.DOSEWATCH_ROUTES || 'src/routes' },
		// A single-page app: every route is served by the fallback shell, which the service worker caches.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		// Absolute asset paths, so a deep link served offline from the cached shell still finds /_app/…
		paths: { relative: false },
		// We register the service worker ourselves, in production builds only.
		serviceWorker: { register: false },
		// A strict policy: only this app's own scripts (SvelteKit's inline bootstrap by hash), no eval, no requests
		// to other origins. Inline styles stay allowed: Svelte sets style attributes (chart colours).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-src': ['none']
			}
		}
	}
};

export default config;
