/**
 * The shape the code keeps (README, "Where things are"): the domain is pure TypeScript with no import circle;
 * components never touch the database (writes go through services, reads through the study-review state or
 * the page); tabs share one study-review state.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
	});
}

/** Every module a file imports (value or type), as written. */
function importsOf(path: string): { spec: string; typeOnly: boolean }[] {
	const text = readFileSync(path, 'utf8');
	return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[3]!, typeOnly: Boolean(m[2]) }));
}

describe('the domain is pure TypeScript', () => {
	const domain = files(join(SRC, 'lib/domain'), /\.ts$/);

	it('imports nothing from Svelte, Dexie, d3, the state, the database or the DOM', () => {
		// Pure TypeScript libraries that do what the domain would otherwise hand-write: the SHA-256 of the audit chain
		// (synchronous, so it can run inside a database transaction).
		const PURE = [/^@noble\/hashes\//];
		const outside = domain.flatMap((f) => importsOf(f).filter((i) => !i.spec.startsWith('.') && !PURE.some((p) => p.test(i.spec))).map((i) => `${relative(SRC, f)} imports ${i.spec}`));
		expect(outside).toEqual([]);
		const clock = domain.filter((f) => /new Date\(\)|Date\.now\(\)|\bdocument\.|\bwindow\.(?:location|navigator|localStorage|document|addEventListener)|\bnavigator\./.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
		expect(clock).toEqual([]);
	});

	it('has no import circle, type-only imports included', () => {
		const graph = new Map<string, string[]>();
		for (const f of domain) {
			graph.set(
				f,
				importsOf(f)
					.filter((i) => i.spec.startsWith('.'))
					.map((i) => resolve(dirname(f), i.spec.endsWith('.ts') ? i.spec : `${i.spec}.ts`))
			);
		}
		const circles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const walk = (f: string, path: string[]) => {
			if (state.get(f) === 'done') return;
			if (state.get(f) === 'open') {
				circles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
				return;
			}
			state.set(f, 'open');
			for (const g of graph.get(f) ?? []) walk(g, [...path, f]);
			state.set(f, 'done');
		};
		for (const f of graph.keys()) walk(f, []);
		expect(circles).toEqual([]);
	});
});

describe('components never touch the database', () => {
	it('no component imports the database or a repository (types excepted): writes go through services', () => {
		// Shared components, and those that live beside the one route that uses them.
		const components = [...files(join(SRC, 'lib/components'), /\.(svelte|ts)$/), ...files(join(SRC, 'routes'), /^[A-Z][\w-]*\.svelte$/)];
		expect(components.length).toBeGreaterThan(50);
		const touching = components.flatMap((f) =>
			importsOf(f)
				.filter((i) => !i.typeOnly && (i.spec === '$lib/state/db' || i.spec.startsWith('$lib/db/')))
				.map((i) => `${relative(SRC, f)} imports ${i.spec}`)
		);
		expect(touching).toEqual([]);
	});

	it('no page writes through a repository: writes go through services', () => {
		const pages = files(join(SRC, 'routes'), /\.svelte$/);
		const writing = pages.flatMap((f) =>
			importsOf(f)
				.filter((i) => !i.typeOnly && /^\$lib\/db\/.*repository$/.test(i.spec))
				.map((i) => `${relative(SRC, f)} imports ${i.spec}`)
		);
		expect(writing).toEqual([]);
	});

	it('the study tabs read the one study-review state instead of loading and evaluating the study themselves', () => {
		const tabs = ['+page.svelte', 'labs/+page.svelte', 'activity/+page.svelte', 'dlt/+page.svelte', 'escalation/+page.svelte', 'aes/+page.svelte', 'attribution/+page.svelte', 'meetings/+page.svelte', 'meetings/[meetingId]/+page.svelte'];
		for (const tab of tabs) {
			const text = readFileSync(join(SRC, 'routes/study/[studyId]', tab), 'utf8');
			expect(text, tab).toContain('getStudyReview()');
			expect(text, tab).not.toMatch(/evaluateStudy\(|evaluateAsOf\(|computeAsOf\(/);
		}
	});
});
