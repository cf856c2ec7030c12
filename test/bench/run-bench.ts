/**
 * npm run bench: DoseWatch at trial scale. Generates a study of 1,000 subjects, 30,000 doses and 100,000 AEs
 * (seed 42) and measures, in Node and in headless Chromium against the production build:
 *   - import of its three SDTM CSVs into IndexedDB beside a plain Dexie bulkPut of the same records;
 *   - DLT + TEAE evaluation of the whole study, and of one subject's change;
 *   - the swimmer's first render and its frame times while scrolling;
 *   - the cold start from the service worker (offline) to a usable overview, and the shipped JS gzipped;
 *   - the peak JS heap during the import;
 *   - the longest main-thread task while the import page and a restore run at that scale (both in a worker).
 * Prints a table; asserts nothing (timed tests are flaky on shared machines). Sizes can be changed with
 * BENCH_SUBJECTS, BENCH_DOSES and BENCH_AES.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from '@playwright/test';
import { generateStudy } from '../../src/lib/bench/generate-study';
import { studyToSdtmCsv } from '../../src/lib/bench/study-csv';
import { evaluateStudy, reevaluateSubject } from '../../src/lib/domain/dlt/evaluate-study';
import { findRuleSet } from '../../src/lib/presets/dlt-rule-sets';
import { serializeBackup } from '../../src/lib/io/backup';
import { parseXpt } from '../../src/lib/io/formats/xpt';
import { SCHEMA_VERSION } from '../../src/lib/db/database';
import { planImport } from '../../src/lib/io/import/plan-import';
import { studyLabs } from '../../src/lib/domain/labs/study-labs';
import { worstGrades } from '../../src/lib/domain/labs/summarize-labs';
import { hepaticPeaks } from '../../src/lib/domain/labs/hepatic';
import { CTCAE_LAB_GRADING, VITAL_ECG_LIMITS } from '../../src/lib/presets/lab-grading';
import { labsView } from '../../src/lib/components/labs/labs-view';
import { safetyOutcomes } from '../../src/lib/domain/labs/safety-outcomes';
import { layoutLabSeries } from '../../src/lib/charts/lab-series';
import { sideBySide } from './side-by-side';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = 4179;
const ORIGIN = `http://localhost:${PORT}`;
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1000);
const DOSES = Number(process.env.BENCH_DOSES ?? 30000);
const AES = Number(process.env.BENCH_AES ?? 100000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_PARTS=side runs only the side-by-side with the anchors (after the build); default: everything. */
const ONLY_SIDE = process.env.BENCH_PARTS === 'side';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const rows: [string, string, string, string][] = [];
const record = (name: string, value: string, target = '', verdict = '') => rows.push([name, value, target, verdict]);
const against = (value: number, target: number) => (value <= target ? 'met' : `missed by ${value < 10 ? (value - target).toFixed(2) : (value - target).toFixed(0)}`);

/**
 * The page stays responsive through a trial-scale import and restore: both run in a Web Worker, and the longest
 * main-thread task (PerformanceObserver 'longtask') is recorded from choosing the files to the confirmation.
 */
/** The browser reports only tasks of 50 ms or more ('longtask'); none at all reads as such. */
const longTask = (x: number) => (x === 0 ? 'none ≥ 50 ms' : ms(x));

async function responsiveness(files: { dm: string; ex: string; ae: string }, backup: string) {
	const dir = mkdtempSync(join(tmpdir(), 'dosewatch-bench-files-'));
	for (const [k, text] of Object.entries(files)) writeFileSync(join(dir, `${k}.csv`), text);
	writeFileSync(join(dir, 'backup.json'), backup);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
		await page.addInitScript(() => {
			const w = window as unknown as { __longest: number; __tasks: number };
			w.__longest = 0;
			w.__tasks = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) {
					w.__tasks++;
					w.__longest = Math.max(w.__longest, e.duration);
				}
			}).observe({ type: 'longtask', buffered: false });
		});
		await page.goto(`${ORIGIN}/settings`);
		await page.getByLabel('Your name', { exact: true }).fill('Bench');
		await page.getByRole('button', { name: 'Save name' }).click();
		await page.goto(`${ORIGIN}/import`);
		await page.getByRole('heading', { name: 'Import a study', level: 1 }).waitFor();
		const reset = () => page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
		const longest = () => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
		await reset();
		let t = performance.now();
		await page.getByLabel('DM: demographics (required)').setInputFiles(join(dir, 'dm.csv'));
		await page.getByLabel('EX: exposure (dosing)').setInputFiles(join(dir, 'ex.csv'));
		await page.getByLabel('AE: adverse events').setInputFiles(join(dir, 'ae.csv'));
		await page.getByRole('button', { name: 'Check the files' }).click();
		await page.getByRole('heading', { name: '4. Confirm' }).waitFor({ timeout: 300_000 });
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByText(/^Imported \d+ subjects/).waitFor({ timeout: 300_000 });
		const importMs = performance.now() - t;
		const importLongest = await longest();
		record('import page: check + preview + write, in a worker (wall)', ms(importMs));
		record('  longest main-thread task meanwhile', longTask(importLongest), '≤ 100 ms', against(importLongest, 100));
		await page.goto(`${ORIGIN}/settings`);
		await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
		await reset();
		t = performance.now();
		await page.getByLabel('Restore from a backup file').setInputFiles(join(dir, 'backup.json'));
		const anyway = page.getByRole('checkbox', { name: /Restore anyway/ });
		const replace = page.getByRole('button', { name: 'Replace with this backup' });
		await Promise.race([anyway.waitFor({ timeout: 300_000 }), replace.waitFor({ timeout: 300_000 })]);
		if (await anyway.count()) await anyway.check();
		await replace.click();
		await page.getByText(/^Restored backup\.json/).waitFor({ timeout: 300_000 });
		const restoreLongest = await longest();
		record(`restore of a ${(backup.length / 2 ** 20).toFixed(0)} MB backup, check + write, in a worker (wall)`, ms(performance.now() - t));
		record('  longest main-thread task meanwhile', longTask(restoreLongest), '≤ 100 ms', against(restoreLongest, 100));
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

function inNode() {
	let t = performance.now();
	const g = generateStudy({ subjects: SUBJECTS, aes: AES, doses: DOSES, seed: 42 });
	record('generate the study (Node)', ms(performance.now() - t));
	t = performance.now();
	const files = studyToSdtmCsv(g);
	record('write DM, EX, AE as CSV (Node)', `${ms(performance.now() - t)} · ${((files.dm.length + files.ex.length + files.ae.length) / 2 ** 20).toFixed(1)} MB`);

	// The full 001 definition (durations, concurrency, exceptions), the heaviest rule set shipped.
	const ruleSet = findRuleSet('bat4706-bat1308')!;
	const input = { ...g, ruleSet, asOf: g.study.dataCutoff! };
	evaluateStudy(input); // warm-up
	const whole: number[] = [];
	let ev = evaluateStudy(input);
	for (let i = 0; i < 5; i++) {
		t = performance.now();
		ev = evaluateStudy(input);
		whole.push(performance.now() - t);
	}
	record('DLT + TEAE evaluation, whole study (Node, median of 5)', ms(median(whole)), '≤ 250 ms', against(median(whole), 250));

	// One subject's AE regraded: only that subject is evaluated again, the levels recounted.
	const aesBy = new Map<string, typeof g.aes>();
	for (const a of g.aes) (aesBy.get(a.usubjid) ?? aesBy.set(a.usubjid, []).get(a.usubjid)!).push(a);
	const dosesBy = new Map<string, typeof g.doses>();
	for (const d of g.doses) (dosesBy.get(d.usubjid) ?? dosesBy.set(d.usubjid, []).get(d.usubjid)!).push(d);
	const one: number[] = [];
	for (let i = 0; i < 100; i++) {
		const s = g.subjects[(i * 37) % g.subjects.length]!;
		const aes = (aesBy.get(s.usubjid) ?? []).map((a, k) => (k === 0 ? { ...a, grade: a.grade === 4 ? (3 as const) : (4 as const) } : a));
		t = performance.now();
		ev = reevaluateSubject(ev, s, dosesBy.get(s.usubjid) ?? [], aes, input);
		one.push(performance.now() - t);
	}
	record('DLT + TEAE evaluation, one subject changed (Node, median)', ms(median(one)), '≤ 5 ms', against(median(one), 5));
	record('  the same, 95th percentile of 100 changes', ms(percentile(one, 95)));
	// The pilot's ae.xpt (1,191 AEs, 1.1 MB) read into the table the import takes (issue 16: ≤ 100 ms).
	const xptBytes = new Uint8Array(readFileSync(resolve(ROOT, '../shared/data/cdiscpilot01-xpt/ae.xpt')));
	const xpt: number[] = [];
	for (let i = 0; i < 7; i++) {
		t = performance.now();
		parseXpt(xptBytes, 'ae.xpt');
		xpt.push(performance.now() - t);
	}
	record('pilot ae.xpt parsed (Node, median of 7)', ms(median(xpt)), '≤ 100 ms', against(median(xpt), 100));

	// Issue 15: the pilot's LB (59,580) and VS (29,643) results read, graded to CTCAE v5.0 and summarised as the Labs
	// tab shows them (worst grades, shift tables, safety outcomes, eDISH), and one subject's lab panel.
	const pilot = resolve(ROOT, '../shared/data/cdiscpilot01');
	const src = (n: string) => ({ name: n, text: readFileSync(resolve(pilot, n), 'utf8') });
	t = performance.now();
	const labPlan = planImport({ dm: src('dm.csv'), ex: src('ex.csv'), ae: src('ae.csv'), lb: src('lb.csv'), vs: src('vs.csv') }, { target: null, newStudyId: 'b', now: 't', who: 'bench' });
	record('pilot DM, EX, AE, LB and VS read and checked (Node)', ms(performance.now() - t));
	const levelOf = new Map(labPlan.subjects.map((s) => [s.usubjid, s.doseLevel]));
	const levels = labPlan.study.doseLevels.map((l) => l.code);
	const grading: number[] = [];
	let labsResult: ReturnType<typeof studyLabs> | null = null;
	for (let i = 0; i < 5; i++) {
		t = performance.now();
		labsResult = studyLabs(labPlan.subjects, labPlan.doses, labPlan.safety, CTCAE_LAB_GRADING);
		const lbOnly = labsResult.graded.filter((x) => x.result.domain === 'LB');
		labsView(lbOnly, labsResult.episodes, levelOf, levels, '2099-12-31');
		safetyOutcomes(labPlan.safety, lbOnly, labsResult.day1, levelOf, levels, VITAL_ECG_LIMITS);
		hepaticPeaks(lbOnly);
		grading.push(performance.now() - t);
	}
	record('pilot LB + VS graded and summarised for the Labs tab (Node, median of 5)', ms(median(grading)), '≤ 1000 ms', against(median(grading), 1000));
	const subjectLabs = labsResult!.graded.filter((x) => x.result.usubjid === '01-701-1015' && x.result.domain === 'LB');
	const panel: number[] = [];
	for (let i = 0; i < 20; i++) {
		t = performance.now();
		layoutLabSeries(subjectLabs.filter((x) => x.result.testcd === 'ALT'), [1], [], { width: 720, height: 220 });
		worstGrades(subjectLabs);
		panel.push(performance.now() - t);
	}
	record('a subject’s lab panel: worst grades and one test’s chart layout (Node, median)', ms(median(panel)), '≤ 100 ms', against(median(panel), 100));
	return { files, study: g };
}

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	isEntry?: boolean;
}

/**
 * JS gzipped: every chunk in the build, and the chunks the app's own pages can load (the entry and every route's
 * node with what it imports statically), leaving out the two benchmark pages, which users never open.
 */
function shippedJs() {
	const dir = join(ROOT, 'build');
	const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
	const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
	const all = walk(join(dir, '_app/immutable')).filter((f) => f.endsWith('.js')).map((f) => f.slice(dir.length + 1));
	const manifest = JSON.parse(readFileSync(join(ROOT, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
	const app = readFileSync(join(ROOT, '.svelte-kit/generated/client-optimized/app.js'), 'utf8');
	const benchNodes = new Set([...app.matchAll(/"(\/bench[^"]*)": \[(\d+)/g)].map((m) => `.svelte-kit/generated/client-optimized/nodes/${m[2]}.js`));
	const used = new Set<string>();
	const visit = (key: string) => {
		const c = manifest[key];
		if (!c || used.has(c.file)) return;
		used.add(c.file);
		for (const i of c.imports ?? []) visit(i);
		// What the pages load later (the early study read) counts too; the benchmark pages do not.
		for (const i of c.dynamicImports ?? []) if (!benchNodes.has(i)) visit(i);
	};
	for (const [key, c] of Object.entries(manifest)) if ((c.isEntry || key.includes('client-optimized/nodes/')) && !benchNodes.has(key)) visit(key);
	const total = all.reduce((n, f) => n + gz(f), 0);
	// What opening a study's overview loads: the entries, the root and study layouts and the overview's node.
	const overview = /"\/study\/\[studyId\]": \[(\d+),\[(\d+)\]/.exec(app);
	const opened = new Set<string>();
	const load = (key: string) => {
		const c = manifest[key];
		if (!c || opened.has(c.file)) return;
		opened.add(c.file);
		for (const i of c.imports ?? []) load(i);
	};
	for (const [key, c] of Object.entries(manifest)) if (c.isEntry && !key.includes('client-optimized/nodes/')) load(key);
	for (const n of overview ? [0, Number(overview[2]), Number(overview[1])] : []) load(`.svelte-kit/generated/client-optimized/nodes/${n}.js`);
	const overviewJs = [...opened].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
	const appJs = [...used].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
	// The import worker (the import page and restore start it) bundles its own Dexie, parsers and schemas.
	const workers = all.filter((f) => f.includes('/workers/'));
	const workerJs = workers.reduce((n, f) => n + gz(f), 0);
	record('shipped JS, the app’s pages, gzipped', `${(appJs / 1024).toFixed(0)} kB`, '≤ 150 kB', against(appJs / 1024, 150));
	record('  with the import worker', `${((appJs + workerJs) / 1024).toFixed(0)} kB (worker ${(workerJs / 1024).toFixed(0)} kB)`);
	record('  every chunk in the build (benchmark pages too)', `${(total / 1024).toFixed(0)} kB (${all.length} files)`);
	record('  what opening a study overview loads', `${(overviewJs / 1024).toFixed(0)} kB (${opened.size} files)`);
}

async function inChromium(files: { dm: string; ex: string; ae: string }) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
		// Import: the app's planner and transaction, then a plain bulkPut of the same records.
		await page.goto(`${ORIGIN}/bench/import`);
		await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor();
		// The heap is read from outside through the DevTools protocol every 20 ms, so long synchronous steps
		// (parsing) are seen too; the page's own samples are kept when higher.
		const cdp = await page.context().newCDPSession(page);
		const imports: Record<string, number>[] = [];
		for (let run = 0; run < 2; run++) {
			let polling = true;
			let peak = 0;
			const poll = (async () => {
				while (polling) {
					const { usedSize } = await cdp.send('Runtime.getHeapUsage');
					peak = Math.max(peak, usedSize);
					await new Promise((r) => setTimeout(r, 20));
				}
			})();
			const r = await page.evaluate(
				([f, tag]) => (window as unknown as { __benchImport: (f: unknown, t: string) => Promise<Record<string, number>> }).__benchImport(f, tag),
				[files, `r${run}`] as const
			);
			polling = false;
			await poll;
			imports.push({ ...r, peakHeap: Math.max(peak, r.peakHeap ?? 0) });
		}
		const imp = (k: string) => median(imports.map((r) => r[k] ?? NaN));
		record('import of the three CSVs into IndexedDB (Chromium)', ms(imp('importMs')));
		record('  of which parse, check and plan', ms(imp('planMs')));
		record('  of which the one transaction', ms(imp('commitMs')));
		record('plain Dexie bulkPut of the same records (Chromium)', ms(imp('bulkPutMs')));
		const ratio = imp('importMs') / imp('bulkPutMs');
		record('import ÷ bulkPut', ratio.toFixed(2), '≤ 1.5', against(ratio, 1.5));
		// Issue 15: the pilot's labs graded and summarised in the browser, as the Labs tab does.
		await page.goto(`${ORIGIN}/bench/labs`);
		await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor();
		const pilot = resolve(ROOT, '../shared/data/cdiscpilot01');
		const labFiles = Object.fromEntries(['dm', 'ex', 'lb', 'vs'].map((n) => [n, readFileSync(resolve(pilot, `${n}.csv`), 'utf8')]));
		const labs = await page.evaluate((f) => (window as unknown as { __benchLabs: (f: unknown) => { gradeMs: number; results: number } }).__benchLabs(f), labFiles);
		record(`pilot LB + VS (${labs.results} results) graded and summarised (Chromium, median of 3)`, ms(labs.gradeMs), '≤ 1000 ms', against(labs.gradeMs, 1000));
		record('peak JS heap during the import', `${(imp('peakHeap') / 2 ** 20).toFixed(0)} MB (from ${(imp('heapBefore') / 2 ** 20).toFixed(0)} MB)`);

		// Swimmer: first render and frame times while scrolling (the DLT-window view the DLT page opens with, then
		// the whole treatment), median of 3 page loads.
		const scroll = () =>
			page.evaluate(async () => {
				const el = document.querySelector('.viewport') as HTMLElement;
				el.scrollTop = 0;
				await new Promise((r) => requestAnimationFrame(r));
				const out: number[] = [];
				let last = performance.now();
				for (let i = 0; i < 240 && el.scrollTop + el.clientHeight < el.scrollHeight; i++) {
					el.scrollTop += 250;
					await new Promise((r) => requestAnimationFrame(r));
					const now = performance.now();
					out.push(now - last);
					last = now;
				}
				return out;
			});
		const swim: { first: number; evaluate: number; layout: number; frames: number[]; whole: number[]; lanes: number; drawn: number }[] = [];
		for (let run = 0; run < 3; run++) {
			await page.goto(`${ORIGIN}/bench/swimmer?subjects=${SUBJECTS}&aes=${AES}&doses=${DOSES}&run=${run}`);
			await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, null, { timeout: 120_000 });
			const b = await page.evaluate(() => (window as unknown as { __bench: { firstRenderMs: number; evaluateMs: number; layoutMs: number; lanes: number; drawnLanes: number } }).__bench);
			const frames = await scroll();
			await page.getByRole('radio', { name: 'Whole treatment' }).check();
			const whole = await scroll();
			swim.push({ first: b.firstRenderMs, evaluate: b.evaluateMs, layout: b.layoutMs, frames, whole, lanes: b.lanes, drawn: b.drawnLanes });
		}
		record('DLT + TEAE evaluation, whole study (Chromium, median of 3)', ms(median(swim.map((s) => s.evaluate))), '≤ 250 ms', against(median(swim.map((s) => s.evaluate)), 250));
		record('swimmer layout (lanes, packing, grade segments)', ms(median(swim.map((s) => s.layout))));
		record('swimmer first render, mount to painted', ms(median(swim.map((s) => s.first))), '≤ 300 ms', against(median(swim.map((s) => s.first)), 300));
		const p95 = median(swim.map((s) => percentile(s.frames, 95)));
		record('scroll frame, DLT-window view, median', ms(median(swim.map((s) => percentile(s.frames, 50)))));
		record('scroll frame, DLT-window view, 95th percentile', ms(p95), '≤ 16.7 ms', against(p95, 16.7));
		const p95whole = median(swim.map((s) => percentile(s.whole, 95)));
		record('scroll frame, whole-treatment view, median', ms(median(swim.map((s) => percentile(s.whole, 50)))));
		record('scroll frame, whole-treatment view, 95th percentile', ms(p95whole), '≤ 16.7 ms', against(p95whole, 16.7));
		// A 60 Hz frame is 16.7 ms and vsync jitters by a millisecond or two; a frame the page missed shows as an
		// interval of about two frames. Counted over every run, to say whether the p95 above is jitter or a drop.
		const dropped = (xs: number[]) => xs.filter((x) => x > 16.7 * 1.5).length;
		const all = (pick: (s: (typeof swim)[number]) => number[]) => swim.flatMap(pick);
		record('  frames dropped while scrolling (interval > 25 ms), DLT-window / whole treatment', `${dropped(all((s) => s.frames))} of ${all((s) => s.frames).length} / ${dropped(all((s) => s.whole))} of ${all((s) => s.whole).length}`);
		record('lanes in the study / drawn at a time', `${swim[0]!.lanes} / ${swim[0]!.drawn}`);
	} finally {
		await browser.close();
	}
	await coldStart();
}

/** A returning visit with no network: the service worker serves the app, the overview is usable when its charts are drawn. */
async function coldStart() {
	const profile = mkdtempSync(join(tmpdir(), 'dosewatch-bench-'));
	const open = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1360, height: 900 } });
	let context: BrowserContext = await open();
	try {
		const first = context.pages()[0] ?? (await context.newPage());
		await first.goto(`${ORIGIN}/`);
		await first.getByRole('link', { name: /BAT4706 \+ BAT1308/ }).waitFor({ timeout: 60_000 });
		await first.evaluate(() => navigator.serviceWorker.ready);
		await context.close();
		const times: number[] = [];
		let fromWorker = true;
		for (let run = 0; run < 3; run++) {
			context = await open();
			await context.setOffline(true);
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto(`${ORIGIN}/study/demo-bat4706-bat1308`);
			await page.getByRole('figure', { name: 'DLTs per dose level' }).locator('rect').first().waitFor({ timeout: 30_000 });
			times.push(await page.evaluate(() => performance.now()));
			fromWorker &&= await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart > 0);
			await context.close();
		}
		record('cold start, offline, service worker to usable overview', ms(median(times)), '≤ 1000 ms', against(median(times), 1000));
		if (!fromWorker) record('  (warning: the page was not served by the service worker)', '');
	} finally {
		await context.close().catch(() => {});
		rmSync(profile, { recursive: true, force: true });
	}
}

/**
 * The meeting pages against the tools they replace (issue 14), same data, same browser, alternating runs. Targets:
 * the DLT page's in-app navigation ≤ 0.33 × AE Timelines' init, the overview's ≤ 0.5 × AE Explorer's, and each
 * page's full load ≤ 1 ×.
 */
async function compareWithAnchors() {
	const r = await sideBySide(ORIGIN, CHROMIUM, ARGS);
	const ratio = (a: number, b: number) => a / b;
	const row = (name: string, value: number, anchor: number, target: number) =>
		record(`${name} (${ms(value)} ÷ ${ms(anchor)})`, `${ratio(value, anchor).toFixed(2)} ×`, `≤ ${target} ×`, against(Number(ratio(value, anchor).toFixed(2)), target));
	record(`AE Timelines: init to painted, pilot ADaM (${r.timelinesMarks} SVG elements; median of ${r.runs})`, ms(r.timelinesMs));
	record(`AE Explorer: init to painted (median of ${r.runs})`, ms(r.explorerMs));
	row('DLT page, in-app navigation to the whole-treatment swimmer painted', r.dltNavMs, r.timelinesMs, 0.33);
	row('overview, in-app navigation to its charts painted', r.overviewNavMs, r.explorerMs, 0.5);
	row('DLT page, full load to painted', r.dltLoadMs, r.timelinesMs, 1);
	row('overview, full load to painted', r.overviewLoadMs, r.explorerMs, 1);
	record('DOM elements: DLT page / overview', `${r.dltDomElements} / ${r.overviewDomElements}`);
	// Both sides' totals include the wait for two animation frames (at 60 Hz, 17 to 33 ms), which no work shortens.
	// The work before it: the anchor's synchronous chart.init, DoseWatch's click to its marks in the document.
	record('  the work before the two frames: AE Timelines init / DLT page navigation', `${ms(r.timelinesInitMs)} / ${ms(r.dltNavInsertedMs)} (${(r.dltNavInsertedMs / r.timelinesInitMs).toFixed(2)} ×)`);
	record('  the work before the two frames: AE Explorer init / overview navigation', `${ms(r.explorerInitMs)} / ${ms(r.overviewNavInsertedMs)} (${(r.overviewNavInsertedMs / r.explorerInitMs).toFixed(2)} ×)`);
}

async function main() {
	const started = performance.now();
	console.log(`generating ${SUBJECTS} subjects, ${DOSES} doses, ${AES} AEs (seed 42)…`);
	const { files, study } = ONLY_SIDE ? { files: null, study: null } : inNode();
	const backup = study && await serializeBackup(
		{ studies: [study.study], subjects: study.subjects, doses: study.doses, aes: study.aes, audit: [], adjudications: [], ruleSets: [], meetings: [], reviewers: [], safety: [] },
		{ schemaVersion: SCHEMA_VERSION, exportedAt: '2026-11-30T00:00:00Z', exportedBy: 'bench' }
	);
	console.log('building the app with the benchmark pages…');
	const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, DOSEWATCH_ROUTES: benchRoutes() } });
	if (build.status !== 0) throw new Error('vite build failed');
	shippedJs();
	const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
	try {
		for (let i = 0; i < 80; i++) {
			if (await fetch(`${ORIGIN}/`).then((r) => r.ok).catch(() => false)) break;
			await new Promise((r) => setTimeout(r, 250));
		}
		if (files && backup) {
			console.log('measuring in Chromium…');
			await inChromium(files);
			await responsiveness(files, backup);
		}
		console.log('side by side with AE Timelines and AE Explorer on the pilot…');
		await compareWithAnchors();
	} finally {
		try {
			process.kill(-server.pid!);
		} catch {
			server.kill();
		}
	}
	const cpu = cpus();
	console.log('');
	console.log(`DoseWatch benchmark: ${SUBJECTS} subjects, ${DOSES} doses, ${AES} AEs`);
	console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${CHROMIUM}`);
	console.log('');
	const w: [number, number, number] = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), 10];
	console.log(`${'figure'.padEnd(w[0])}  ${'value'.padStart(w[1])}  ${'target'.padEnd(w[2])}  result`);
	for (const [name, value, target, verdict] of rows) console.log(`${name.padEnd(w[0])}  ${value.padStart(w[1])}  ${target.padEnd(w[2])}  ${verdict}`);
	console.log('');
	console.log(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * A routes folder for the benchmark's build: each entry of src/routes linked in, and test/bench/pages as /bench.
 * The app's own builds never see the benchmark pages.
 */
function benchRoutes(): string {
	const dir = join(ROOT, '.svelte-kit', 'bench-routes');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const entry of readdirSync(join(ROOT, 'src/routes'))) symlinkSync(join(ROOT, 'src/routes', entry), join(dir, entry));
	symlinkSync(join(ROOT, 'test/bench/pages'), join(dir, 'bench'));
	return relative(ROOT, dir);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
