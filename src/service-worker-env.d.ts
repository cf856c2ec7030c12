// The one module the service worker imports, declared as SvelteKit documents it, for the separate type check.
declare module '$service-worker' {
	export const base: string;
	export const build: string[];
	export const files: string[];
	export const prerendered: string[];
	export const version: string;
}
