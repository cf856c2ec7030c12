/**
 * npm run bench: builds the app, serves it, and measures in headless Chromium the swimmer for a generated study
 * of 1,000 subjects and 20,000 AEs: evaluation, layout, first render, and frame times while scrolling.
 * Prints a table; asserts nothing (timed tests are flaky on shared machines).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = 4179;
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1000);
const AES = Number(process.env.BENCH_AES ?? 20000);

interface BenchFigures {
	generateMs: number;
	evaluateMs: number;
	layoutMs: number;
	firstRenderMs: number;
	lanes: number;
	drawnLanes: number;
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
	console.log('building…');
	const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
	if (build.status !== 0) throw new Error('vite build failed');
	const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
	try {
		for (let i = 0; i < 60; i++) {
			const ok = await fetch(`http://localhost:${PORT}/`).then((r) => r.ok).catch(() => false);
			if (ok) break;
			await new Promise((r) => setTimeout(r, 250));
		}
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		});
		const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
		const runs: (BenchFigures & { frames: number[] })[] = [];
		for (let run = 0; run < 3; run++) {
			await page.goto(`http://localhost:${PORT}/bench/swimmer?subjects=${SUBJECTS}&aes=${AES}&run=${run}`);
			await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, null, { timeout: 120_000 });
			const first = await page.evaluate(() => (window as unknown as { __bench: BenchFigures }).__bench);
			// Scroll the lanes 250 px a frame through the whole study, timing each frame.
			const frames: number[] = await page.evaluate(async () => {
				const el = document.querySelector('.viewport') as HTMLElement;
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
			runs.push({ ...first, frames: frames.sort((a, b) => a - b) });
		}
		await browser.close();
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
		const row = (name: string, value: string, target = '') => console.log(`${name.padEnd(44)} ${value.padStart(12)}  ${target}`);
		console.log('');
		console.log(`DoseWatch swimmer benchmark: ${SUBJECTS} subjects, ${AES} AEs, headless Chromium, median of ${runs.length} runs`);
		console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
		console.log('');
		row('figure', 'value', 'target');
		row('DLT + TEAE evaluation of the whole study', `${median(runs.map((r) => r.evaluateMs)).toFixed(0)} ms`);
		row('swimmer layout (lanes, packing, segments)', `${median(runs.map((r) => r.layoutMs)).toFixed(0)} ms`);
		row('swimmer first render (mount to painted)', `${median(runs.map((r) => r.firstRenderMs)).toFixed(0)} ms`, '≤ 300 ms');
		row('frames measured while scrolling', String(runs[0]!.frames.length));
		row('frame time while scrolling, median', `${median(runs.map((r) => percentile(r.frames, 50))).toFixed(1)} ms`);
		row('frame time while scrolling, 95th percentile', `${median(runs.map((r) => percentile(r.frames, 95))).toFixed(1)} ms`, '≤ 16.7 ms');
		row('frame time while scrolling, worst', `${median(runs.map((r) => r.frames.at(-1)!)).toFixed(1)} ms`);
		row('lanes in the study / drawn at a time', `${runs[0]!.lanes} / ${runs[0]!.drawnLanes}`);
	} finally {
		try {
			process.kill(-server.pid!);
		} catch {
			server.kill();
		}
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
