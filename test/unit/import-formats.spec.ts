/**
 * Issue 16: what sponsors deliver. The pilot's SAS transport files give the same records as its CSVs; the pilot's
 * ADaM in Dataset-JSON (.json, .ndjson, gzip-compressed .dsjc) reads alike in each form and imports; the command
 * reads them too.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/io/formats/read-data-file';
import { planImport } from '../../src/lib/io/import/plan-import';
import type { ImportPlan } from '../../src/lib/io/import-types';
import { PILOT, SHARED, pilotFiles } from './helpers';

const XPT = resolve(SHARED, 'data/cdiscpilot01-xpt');
const DSJ = resolve(SHARED, 'data/dataset-json');
const file = (dir: string, name: string) => readDataFile(name, new Uint8Array(readFileSync(resolve(dir, name))));
const options = { target: null, newStudyId: 'pilot', now: '2026-01-01T00:00:00Z', who: 'tester' };
/** The records without where they came from (a CSV's row numbers count its header; a transport file has none). */
const records = (p: ImportPlan) => {
	const strip = <T extends { source?: unknown }>(xs: T[]) => xs.map(({ source: _s, ...x }) => x);
	const aes = strip(p.aes).map((a) => ({ ...a, attributionHistory: a.attributionHistory.map((r) => ({ ...r, reason: r.reason.replace(/ from \S+ row \d+$/, '') })) }));
	return { study: { ...p.study, createdAt: '' }, subjects: strip(p.subjects), doses: strip(p.doses), aes };
};

describe('SAS transport', () => {
	it('the pilot’s dm, ex, ae and ds .xpt give the same records as its CSVs', async () => {
		const fromXpt = planImport({ dm: await file(XPT, 'dm.xpt'), ex: await file(XPT, 'ex.xpt'), ae: await file(XPT, 'ae.xpt'), ds: await file(XPT, 'ds.xpt') }, options);
		const fromCsv = planImport({ ...pilotFiles(), ds: { name: 'ds.csv', text: readFileSync(resolve(PILOT, 'ds.csv'), 'utf8') } }, options);
		expect(fromXpt.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(records(fromXpt)).toEqual(records(fromCsv));
		expect(fromXpt.counts).toEqual(fromCsv.counts);
	});

	it('says which dataset and variables a file holds, for the preview', async () => {
		const ae = await file(XPT, 'ae.xpt');
		expect(ae.dataset).toMatchObject({ format: 'xpt', name: 'AE', label: '' }); // the pilot's files leave the dataset label blank
		expect(ae.dataset!.columns.find((c) => c.name === 'AESEQ')).toEqual({ name: 'AESEQ', label: 'Sequence Number', type: 'number (8 bytes)' });
	});
});

describe('Dataset-JSON', () => {
	it('the pilot ADAE reads the same from .json, .ndjson and gzip-compressed .dsjc', async () => {
		const dir = resolve(DSJ, 'adam-cdiscpilot01');
		const [json, ndjson, dsjc] = [await file(dir, 'adae.json'), await file(dir, 'adae.ndjson'), await file(dir, 'adae.dsjc')];
		expect(json.table!.rows).toHaveLength(1191);
		expect(ndjson.table).toEqual(json.table);
		expect(dsjc.table).toEqual(json.table);
		expect(json.dataset).toMatchObject({ format: 'dataset-json', name: 'ADAE' });
	});

	it('the pilot ADSL and ADAE import as DM and AE: 254 subjects, 1,191 AEs, the placebo arm a control', async () => {
		const dir = resolve(DSJ, 'adam-cdiscpilot01');
		const plan = planImport({ dm: await file(dir, 'adsl.dsjc'), ae: await file(dir, 'adae.json') }, options);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ subjects: 254, aes: 1191 });
		expect(plan.study.doseLevels.map((l) => `${l.code}${l.control ? ' (control)' : ''}`)).toEqual(['Placebo (control)', 'Xanomeline High Dose', 'Xanomeline Low Dose']);
		// The same adverse events as the SDTM AE CSV: subject, sequence, coded term, onset, end and grade, event for event.
		// ADAE's imputed ASTDT is read back as recorded through ASTDTF ("2012-02-01", D → "2012-02"); an onset
		// recorded to the year only has no ASTDT at all (admiral imputes no month), so it is missing in ADAE.
		const sdtm = planImport(pilotFiles(), options);
		const key = (a: ImportPlan['aes'][number], yearOnly = '') => [a.usubjid, a.aeseq, a.term.toUpperCase(), a.start?.length === 4 ? yearOnly : a.start, a.end, a.grade].join('|');
		expect(plan.aes.map((a) => key(a)).sort()).toEqual(sdtm.aes.map((a) => key(a)).sort());
		expect(plan.aes.filter((a) => a.start && a.start.length === 7)).toHaveLength(sdtm.aes.filter((a) => a.start?.length === 7).length);
		// …and each ADSL subject is the DM subject of the same USUBJID (ADSL leaves out the screen failures).
		const dm = new Map(sdtm.subjects.map((s) => [s.usubjid, s]));
		for (const s of plan.subjects) expect({ usubjid: s.usubjid, sex: s.sex, age: s.age }).toEqual({ usubjid: s.usubjid, sex: dm.get(s.usubjid)?.sex, age: dm.get(s.usubjid)?.age });
	});

	it('the SDTM example (dm, ae, ex, ds) imports', async () => {
		const dir = resolve(DSJ, 'sdtm-msg-example');
		const plan = planImport({ dm: await file(dir, 'dm.json'), ex: await file(dir, 'ex.json'), ae: await file(dir, 'ae.json'), ds: await file(dir, 'ds.json') }, options);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ subjects: 18, aes: 74 });
	});

	it.each([
		['not Dataset-JSON', 'x.json', '{"hello": 1}', 'x.json: it is not Dataset-JSON 1.x (datasetJSONVersion is null)'],
		['a row of the wrong width', 'x.json', '{"datasetJSONVersion":"1.1.0","columns":[{"name":"A"},{"name":"B"}],"rows":[["1"]]}', 'x.json: row 1 has 1 values for 2 columns'],
		['a .dsjc that is not compressed', 'x.dsjc', '{}', 'x.dsjc: a .dsjc file must be compressed (gzip or zlib); its first bytes are neither']
	])('refuses %s, saying so', async (_name, name, text, message) => {
		await expect(readDataFile(name, new TextEncoder().encode(text))).rejects.toThrow(message);
	});
});

describe('the command reads the same formats', () => {
	it('validate and evaluate take .xpt and .dsjc', () => {
		const run = (...args: string[]) => spawnSync(process.execPath, [resolve(__dirname, '../../src/cli/bin.js'), ...args], { encoding: 'utf8' });
		const v = run('validate', '--dm', `${XPT}/dm.xpt`, '--ex', `${XPT}/ex.xpt`, '--ae', `${XPT}/ae.xpt`);
		expect(v.status).toBe(0);
		expect(v.stdout).toContain('306 subjects, 591 dose records, 1191 adverse events');
		const e = run('evaluate', '--preset', 'generic', '--dm', `${DSJ}/adam-cdiscpilot01/adsl.dsjc`, '--ae', `${DSJ}/adam-cdiscpilot01/adae.ndjson`, '--format', 'json', '--as-of', '2015-01-01');
		expect(e.status, e.stderr).toBe(0);
		expect(JSON.parse(e.stdout).doseLevels.map((l: { doseLevel: string; decision: string }) => `${l.doseLevel}: ${l.decision}`)[0]).toBe('Placebo: control');
	});
});
