import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is served by the fallback shell, which the service worker caches.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		// Absolute asset paths, so a deep link served offline from the cached shell still finds /_app/…
		paths: { relative: false },
		// We register the service worker ourselves, in production builds only.
		serviceWorker: { register: false }
	}
};

export default config;
