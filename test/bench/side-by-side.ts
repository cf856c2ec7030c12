/**
 * Issue 14: DoseWatch's meeting pages beside the tools they replace, on the same data in one headless Chromium.
 * The anchors (RhoInc's AE Timelines and AE Explorer, ../shared/anchors) get d3 3.5.17 and webcharts 1.11.6 from
 * npm into a scratch folder (not project dependencies) and the pilot's ADaM ADAE and ADSL as CSV, converted from
 * Dataset-JSON outside any timing. DoseWatch imports the same ADaM through its import page. Then, alternating:
 *   - each anchor's chart.init to painted (its own timing page);
 *   - DoseWatch's in-app navigation to the DLT page (tab click to the whole-treatment swimmer's lanes painted) and
 *     to the overview (to its charts painted), and each page's full load (navigation start to painted; the DLT page
 *     opens on its DLT-window view).
 * Painted: the second animation frame after the marks exist (seen by a MutationObserver when they are inserted).
 * Returns medians and ratios for the bench’s table.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import Papa from 'papaparse';
import { chromium, type Page } from '@playwright/test';
import { jsonCell, parseDatasetJson } from '../../src/lib/io/formats/dataset-json';

const ROOT = resolve(import.meta.dirname, '../..');
const ANCHORS = resolve(ROOT, '../shared/anchors');
const ADAM = resolve(ROOT, '../shared/data/dataset-json/adam-cdiscpilot01');
const ANCHOR_PORT = 4181;

export interface SideBySide {
	runs: number;
	timelinesMs: number;
	explorerMs: number;
	timelinesMarks: number;
	dltNavMs: number;
	overviewNavMs: number;
	/** The work before the frames: each anchor's `chart.init` (synchronous), and DoseWatch's click to marks inserted. */
	timelinesInitMs: number;
	explorerInitMs: number;
	dltNavInsertedMs: number;
	overviewNavInsertedMs: number;
	dltLoadMs: number;
	overviewLoadMs: number;
	dltDomElements: number;
	overviewDomElements: number;
}

/** d3 3.5.17 and webcharts 1.11.6 in a scratch folder, installed once per machine. */
function anchorDeps(): string {
	const dir = join(tmpdir(), 'dosewatch-anchor-deps');
	if (existsSync(join(dir, 'node_modules/webcharts/build/webcharts.min.js')) && existsSync(join(dir, 'node_modules/d3/d3.min.js'))) return dir;
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), '{ "name": "dosewatch-anchor-deps", "private": true }\n');
	const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', 'd3@3.5.17', 'webcharts@1.11.6'], { cwd: dir, stdio: 'ignore' });
	if (r.status !== 0) throw new Error('could not install d3 3.5.17 and webcharts 1.11.6 for the anchors');
	return dir;
}

function adamCsv(name: string): string {
	const ds = parseDatasetJson(`${name}.json`, readFileSync(join(ADAM, `${name}.json`), 'utf8'));
	return Papa.unparse({ fields: ds.columns.map((c) => c.name), data: ds.rows.map((r) => r.map(jsonCell)) }, { newline: '\n' });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.csv': 'text/csv' };

function serveAnchors(deps: string): Promise<Server> {
	const data: Record<string, string> = { '/data/adae.csv': adamCsv('adae'), '/data/adsl.csv': adamCsv('adsl') };
	const roots: [string, string][] = [
		['/deps/d3/', join(deps, 'node_modules/d3/')],
		['/deps/webcharts/', join(deps, 'node_modules/webcharts/')],
		['/vendor/', ANCHORS + '/'],
		['/pages/', join(ANCHORS, 'pages/')]
	];
	const server = createServer((req, res) => {
		const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
		if (data[path] !== undefined) {
			res.writeHead(200, { 'content-type': 'text/csv' }).end(data[path]);
			return;
		}
		for (const [prefix, dir] of roots) {
			if (!path.startsWith(prefix)) continue;
			const file = normalize(join(dir, path.slice(prefix.length)));
			if (file.startsWith(dir) && existsSync(file)) {
				res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
				return;
			}
		}
		res.writeHead(404).end();
	});
	return new Promise((ok) => server.listen(ANCHOR_PORT, () => ok(server)));
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

/** Painted when: the DLT page's swimmer has lanes; the overview's DLT bars are drawn. */
const READY = {
	dlt: `() => document.querySelectorAll('svg g.lane').length > 0`,
	overview: `() => document.querySelectorAll('figure[aria-labelledby="dlt-bars-title"] rect').length > 0`
};

/**
 * Time from a tab click to the page's marks painted, measured inside the page. The marks are seen when they are
 * inserted (a MutationObserver, in the task that renders them), then two animation frames are awaited: the
 * anchors' definition (anchor-common.js times `chart.init` returning, then two frames). Polling once a frame for
 * the marks, as this bench did before, added up to a frame the anchors do not pay. The script is a string: tsx
 * wraps functions written here in a helper the page does not have.
 */
function navigate(page: Page, tab: string, which: 'dlt' | 'overview'): Promise<{ ms: number; insertedMs: number; elements: number }> {
	return page.evaluate(`(async () => {
		const done = ${READY[which]};
		const link = [...document.querySelectorAll('nav[aria-label="Study"] a')].find((a) => a.textContent.trim() === ${JSON.stringify(tab)});
		const seen = new Promise((ok) => {
			const mo = new MutationObserver(() => {
				if (done()) {
					mo.disconnect();
					ok();
				}
			});
			mo.observe(document.body, { childList: true, subtree: true });
		});
		const t0 = performance.now();
		link.click();
		await seen;
		const inserted = performance.now();
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		return { ms: performance.now() - t0, insertedMs: inserted - t0, elements: document.querySelectorAll('*').length };
	})()`);
}

/**
 * Installed before every document of the DoseWatch tab: watches for the page's marks from the document's start
 * and records the second animation frame after they exist (navigation start is 0 of performance.now()).
 */
const PAINTED_AT = `(() => {
	const ready = location.pathname.endsWith('/dlt') ? ${READY.dlt} : ${READY.overview};
	window.__paintedAt = null;
	const mo = new MutationObserver(() => {
		if (!ready()) return;
		mo.disconnect();
		requestAnimationFrame(() => requestAnimationFrame(() => (window.__paintedAt = performance.now())));
	});
	mo.observe(document, { childList: true, subtree: true });
})()`;

/** A full load: navigation start to the page's marks painted. */
async function load(page: Page, url: string) {
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForFunction('window.__paintedAt !== null && window.__paintedAt !== undefined', null, { timeout: 60_000 });
	return page.evaluate('window.__paintedAt') as Promise<number>;
}

export async function sideBySide(origin: string, chromiumPath: string, args: string[], runs = 7): Promise<SideBySide> {
	const server = await serveAnchors(anchorDeps());
	const browser = await chromium.launch({ executablePath: chromiumPath, args });
	try {
		// The app's CSP forbids eval; Playwright's string predicates need it (the bench only).
		const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, bypassCSP: true });
		const anchor = async (name: string) => {
			const p = await context.newPage();
			await p.goto(`http://localhost:${ANCHOR_PORT}/pages/${name}.html`);
			await p.waitForFunction('window.__anchor', null, { timeout: 60_000 });
			const error = (await p.evaluate('window.__anchor.error')) as string | undefined;
			if (error) throw new Error(`${name}: ${error}`);
			return p;
		};
		const timelines = await anchor('ae-timelines');
		const explorer = await anchor('aeexplorer');
		// Each page is brought to the front before it is timed: a background tab's animation frames are throttled.
		const runAnchor = async (p: Page) => {
			await p.bringToFront();
			return (await p.evaluate('window.__anchor.run()')) as { paintedMs: number; initSyncMs: number; counts: { svgElements: number } };
		};

		// DoseWatch: the same ADaM through the import page.
		const dw = await context.newPage();
		await dw.goto(`${origin}/settings`);
		await dw.getByLabel('Your name', { exact: true }).fill('Bench');
		await dw.getByRole('button', { name: 'Save name' }).click();
		await dw.goto(`${origin}/import`);
		await dw.getByLabel(/^Or many files at once/).setInputFiles([join(ADAM, 'adsl.json'), join(ADAM, 'adae.json')]);
		await dw.getByRole('button', { name: 'Check the files' }).click();
		await dw.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
		const link = dw.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link').first();
		await link.waitFor({ timeout: 60_000 });
		await link.click();
		await dw.waitForFunction(`(${READY.overview})()`, null, { timeout: 60_000 });
		const studyUrl = dw.url().replace(/[?#].*$/, '').replace(/\/$/, '');
		await dw.addInitScript(PAINTED_AT);

		const m = { timelinesInit: [] as number[], explorerInit: [] as number[], dltInserted: [] as number[], overviewInserted: [] as number[], timelines: [] as number[], explorer: [] as number[], marks: 0, dltNav: [] as number[], overviewNav: [] as number[], dltLoad: [] as number[], overviewLoad: [] as number[], dltEls: 0, overviewEls: 0 };
		for (let i = 0; i < runs; i++) {
			const t = await runAnchor(timelines);
			m.timelines.push(t.paintedMs);
			m.timelinesInit.push(t.initSyncMs);
			m.marks = t.counts.svgElements;
			const e = await runAnchor(explorer);
			m.explorer.push(e.paintedMs);
			m.explorerInit.push(e.initSyncMs);
			// In-app: from the DLT page to the overview and back, each timed from the click.
			await dw.bringToFront();
			await dw.goto(`${studyUrl}/dlt`);
			await dw.waitForFunction(`(${READY.dlt})()`, null, { timeout: 60_000 });
			// The whole treatment, as the issue measures it; the swimmer keeps the choice across tab switches.
			await dw.getByRole('radio', { name: 'Whole treatment' }).first().check();
			await dw.waitForTimeout(150);
			const o = await navigate(dw, 'Overview', 'overview');
			m.overviewNav.push(o.ms);
			m.overviewInserted.push(o.insertedMs);
			m.overviewEls = o.elements;
			await dw.waitForTimeout(150);
			const d = await navigate(dw, 'DLTs', 'dlt');
			m.dltNav.push(d.ms);
			m.dltInserted.push(d.insertedMs);
			m.dltEls = d.elements;
			m.dltLoad.push(await load(dw, `${studyUrl}/dlt`));
			m.overviewLoad.push(await load(dw, studyUrl));
		}
		return {
			runs,
			timelinesMs: median(m.timelines),
			explorerMs: median(m.explorer),
			timelinesMarks: m.marks,
			dltNavMs: median(m.dltNav),
			overviewNavMs: median(m.overviewNav),
			timelinesInitMs: median(m.timelinesInit),
			explorerInitMs: median(m.explorerInit),
			dltNavInsertedMs: median(m.dltInserted),
			overviewNavInsertedMs: median(m.overviewInserted),
			dltLoadMs: median(m.dltLoad),
			overviewLoadMs: median(m.overviewLoad),
			dltDomElements: m.dltEls,
			overviewDomElements: m.overviewEls
		};
	} finally {
		await browser.close();
		server.close();
	}
}
