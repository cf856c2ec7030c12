/** Issue 16, item 3: a folder, a zip or many files at once; each file's domain found, SUPPQUAL merged into its parent. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/lib/io/formats/bundle';
import { planImport } from '../../src/lib/io/import/plan-import';
import { PILOT, SHARED } from './helpers';

const XPT = resolve(SHARED, 'data/cdiscpilot01-xpt');
const bytes = (dir: string, name: string) => new Uint8Array(readFileSync(resolve(dir, name)));
const options = { target: null, newStudyId: 'pilot', now: '2026-01-01T00:00:00Z', who: 'tester' };

describe('readBundle', () => {
	it('opens a zip of the pilot’s transport files, finds each domain by name and merges SUPPAE into AE', async () => {
		const zip = zipSync({
			'cdiscpilot01/dm.xpt': bytes(XPT, 'dm.xpt'),
			'cdiscpilot01/ex.xpt': bytes(XPT, 'ex.xpt'),
			'cdiscpilot01/ae.xpt': bytes(XPT, 'ae.xpt'),
			'cdiscpilot01/suppae.xpt': bytes(XPT, 'suppae.xpt'),
			'cdiscpilot01/define.xml': new TextEncoder().encode('<xml/>'),
			'__MACOSX/cdiscpilot01/._ae.xpt': new Uint8Array([0])
		});
		const b = await readBundle([{ name: 'delivery.zip', bytes: zip }]);
		expect(b.assignments).toEqual([
			{ file: 'dm.xpt', domain: 'DM', how: 'file name' },
			{ file: 'ex.xpt', domain: 'EX', how: 'file name' },
			{ file: 'ae.xpt', domain: 'AE', how: 'file name' },
			{ file: 'suppae.xpt', domain: 'SUPPAE', how: 'file name' }
		]);
		expect(b.merged).toEqual([{ supp: 'suppae.xpt', into: 'ae.xpt', qualifiers: ['AETRTEM'] }]);
		const ae = b.files.ae!.table!;
		const col = ae.header.indexOf('AETRTEM');
		const seq = ae.header.indexOf('AESEQ');
		const usubjid = ae.header.indexOf('USUBJID');
		// The pilot's SUPPAE flags 01-701-1015's AE 1 as treatment-emergent.
		expect(ae.rows.find((r) => r[usubjid] === '01-701-1015' && r[seq] === '1')![col]).toBe('Y');
		const plan = planImport({ dm: b.files.dm!, ex: b.files.ex, ae: b.files.ae }, options);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ subjects: 306, doses: 591, aes: 1191 });
	});

	it('reads LB with SUPPLB merged (the ratio to ULN as a column) and VS, as labs and vital signs', async () => {
		const b = await readBundle(['dm.csv', 'ex.csv', 'lb.csv', 'supplb.csv', 'vs.csv'].map((n) => ({ name: n, bytes: bytes(PILOT, n) })));
		expect(b.merged).toEqual([{ supp: 'supplb.csv', into: 'lb.csv', qualifiers: ['LBTMSHI', 'ENDPOINT'] }]);
		expect(b.setAside).toEqual([]);
		const plan = planImport({ dm: b.files.dm!, ex: b.files.ex, lb: b.files.lb, vs: b.files.vs }, options);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts.safety).toEqual({ LB: 59580, VS: 29643, EG: 0, IS: 0, RS: 0, TR: 0 });
	});

	it('finds a domain from the DOMAIN column when the name says nothing, lets the person choose, and sets aside what it does not import', async () => {
		const dm = bytes(PILOT, 'dm.csv');
		const tu = new TextEncoder().encode('STUDYID,DOMAIN,USUBJID,TUSEQ\nX,TU,S-1,1\n');
		const b = await readBundle([
			{ name: 'export_0001.csv', bytes: dm },
			{ name: 'tu.csv', bytes: tu },
			{ name: 'mystery.csv', bytes: new TextEncoder().encode('A,B\n1,2\n') }
		]);
		expect(b.assignments.map((a) => `${a.file}: ${a.domain || '–'} (${a.how})`)).toEqual(['export_0001.csv: DM (DOMAIN column)', 'tu.csv: TU (file name)', 'mystery.csv: – (not found)']);
		expect(b.setAside).toEqual([
			{ file: 'tu.csv', why: 'TU: not imported yet' },
			{ file: 'mystery.csv', why: 'its domain was not found from its name or a DOMAIN column: choose it' }
		]);
		const chosen = await readBundle([{ name: 'export_0001.csv', bytes: dm }], { 'export_0001.csv': 'DS' });
		expect(chosen.assignments).toEqual([{ file: 'export_0001.csv', domain: 'DS', how: 'chosen' }]);
	});

	it('a CSV merged with its SUPPQUAL keeps its own row numbers in problems', async () => {
		const ae = new TextEncoder().encode('STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AESTDTC\nX,AE,S-1,1,NAUSEA,2026-02-30\n');
		const supp = new TextEncoder().encode('STUDYID,RDOMAIN,USUBJID,IDVAR,IDVARVAL,QNAM,QLABEL,QVAL\nX,AE,S-1,AESEQ,1,AETOXGR,Grade,3\n');
		const dm = new TextEncoder().encode('STUDYID,DOMAIN,USUBJID,ACTARMCD\nX,DM,S-1,DL1\n');
		const b = await readBundle([{ name: 'dm.csv', bytes: dm }, { name: 'ae.csv', bytes: ae }, { name: 'suppae.csv', bytes: supp }]);
		const plan = planImport({ dm: b.files.dm!, ae: b.files.ae }, options);
		expect(plan.problems).toContainEqual(expect.objectContaining({ file: 'ae.csv', row: 2, column: 'AESTDTC' }));
		// The grade came from SUPPAE.
		expect(planImport({ dm: b.files.dm!, ae: { ...b.files.ae!, table: { ...b.files.ae!.table!, rows: [b.files.ae!.table!.rows[0]!.map((c) => (c === '2026-02-30' ? '2026-02-03' : c))] } } }, options).aes[0]!.grade).toBe(3);
	});
});
