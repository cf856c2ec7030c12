/**
 * Loads the demo studies shipped under static/demo through the same import planner real files go through,
 * into their preset studies, all in one transaction.
 */
import type { DoseWatchDatabase } from '$lib/db/database';
import { readSettings, writeSetting } from '$lib/db/settings';
import { commitImport } from '$lib/db/study-repository';
import { formatProblem, hasErrors } from '$lib/io/import-types';
import { planImport } from '$lib/io/import/plan-import';
import { DEMO_LOADER } from '$lib/db/backup-status';
import type { ImportPlan } from '$lib/io/import-types';
import { createStudyFromPreset, findPreset } from '$lib/presets/study-presets';

interface DemoIndexEntry {
	preset: string;
	dataCutoff: string;
	description: string;
	/** The optional SDTM files the demo carries besides DM, EX and AE (lb.csv, is.csv, rs.csv, tr.csv). */
	files?: ('lb' | 'is' | 'rs' | 'tr')[];
}

export function demoStudyId(preset: string): string {
	return `demo-${preset}`;
}

export async function loadDemoStudies(db: DoseWatchDatabase, fetchFn: typeof fetch, base: string, now: string) {
	const get = async (path: string) => {
		const res = await fetchFn(`${base}/demo/${path}`);
		if (!res.ok) throw new Error(`Could not load the demo file ${path} (${res.status})`);
		return res.text();
	};
	const index: DemoIndexEntry[] = JSON.parse(await get('index.json'));
	const plans: { plan: ImportPlan; files: string[] }[] = [];
	for (const entry of index) {
		const preset = findPreset(entry.preset);
		if (!preset) throw new Error(`The demo names an unknown preset ${entry.preset}`);
		const [dm, ex, ae] = await Promise.all(['dm', 'ex', 'ae'].map((f) => get(`${entry.preset}/${f}.csv`)));
		const extra = Object.fromEntries(await Promise.all((entry.files ?? []).map(async (f) => [f, { name: `${f}.csv`, text: await get(`${entry.preset}/${f}.csv`) }] as const)));
		const target = createStudyFromPreset(preset, {
			id: demoStudyId(entry.preset),
			now,
			isDemo: true,
			dataCutoff: entry.dataCutoff
		});
		const plan = planImport(
			{ dm: { name: 'dm.csv', text: dm! }, ex: { name: 'ex.csv', text: ex! }, ae: { name: 'ae.csv', text: ae! }, ...extra },
			{ target, newStudyId: target.id, now, who: DEMO_LOADER }
		);
		if (hasErrors(plan.problems)) throw new Error(`Demo ${entry.preset}: ${formatProblem(plan.problems[0]!)}`);
		plans.push({ plan: { ...plan, isNewStudy: true }, files: ['dm', 'ex', 'ae', ...(entry.files ?? [])].map((f) => `demo ${f}.csv`) });
	}
	await db.transaction('rw', [db.studies, db.subjects, db.doses, db.aes, db.auditTrail, db.settings, db.safety], async () => {
		for (const { plan, files } of plans) {
			if (await db.studies.get(plan.study.id)) continue;
			await commitImport(db, plan, { who: DEMO_LOADER, at: now, files });
		}
		await writeSetting(db, 'demoLoaded', true);
	});
}

/** On first start with an empty database, load the demo; never again once it was offered. */
export async function loadDemoOnFirstStart(db: DoseWatchDatabase, fetchFn: typeof fetch, base: string, now: string) {
	const settings = await readSettings(db);
	if (settings.demoLoaded || (await db.studies.count()) > 0) return false;
	await loadDemoStudies(db, fetchFn, base, now);
	return true;
}
