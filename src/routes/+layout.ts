// A single-page app: everything renders in the browser, from the cached shell when offline.
export const ssr = false;
export const prerender = false;
