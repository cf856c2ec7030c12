/**
 * Generates the synthetic demo studies under static/demo/<preset>/ (SDTM-shaped DM, EX and AE CSVs).
 * Deterministic: run `npm run demo:generate` after changing it; test/unit/demo-data.spec.ts checks that the
 * committed files are this script's output.
 *
 * The bat4706-bat1308 demo is cast by hand so that every clause of protocol 001's DLT definition has a case,
 * with its boundaries (see CASES_001: each subject's `story` says what it is there to show). The other two are
 * drawn from a seeded generator with plausible AE patterns for a monoclonal antibody and for NK cells.
 */
import Papa from 'papaparse';
import { mulberry32 } from '../../src/lib/bench/generate-study';

export interface DemoFiles {
	preset: string;
	dataCutoff: string;
	description: string;
	dm: string;
	ex: string;
	ae: string;
	/** Lab results (SDTM LB), for the demos that carry them. */
	lb?: string;
	/** Anti-drug antibodies (IS), tumour response (RS) and target lesion measurements (TR), for the 001 demo. */
	is?: string;
	rs?: string;
	tr?: string;
}

/** The optional files a demo may carry, in the order the loader reads them. */
export const DEMO_EXTRA_FILES = ['lb', 'is', 'rs', 'tr'] as const;

type Rel = 'NOT RELATED' | 'UNLIKELY RELATED' | 'POSSIBLY RELATED' | 'PROBABLY RELATED' | 'DEFINITELY RELATED';

interface AeSpec {
	term: string;
	soc: string;
	grade: number;
	/** Study day of onset, with an optional time "HH:MM". */
	day: number;
	time?: string;
	/** Study day (and time) of resolution; omitted = ongoing. */
	endDay?: number;
	endTime?: string;
	/** Relatedness per drug in study order; one value = the same for all. */
	rel: Rel | Rel[];
	treated?: boolean;
	serious?: boolean;
	/** Grade history as [grade, study day] pairs. */
	hist?: [number, number][];
	/** Recorded start as a partial date, overriding `day`. */
	partialStart?: string;
	verbatim?: string;
	outcome?: string;
	/** For the cast 001 demo: the DLT verdict and deciding rule this AE is there to show (at the data cut-off). */
	expect?: [verdict: 'dlt' | 'not_dlt' | 'pending', rule: string | null];
}

interface SubjectSpec {
	id: string;
	level: string;
	sex: 'F' | 'M';
	age: number;
	site: string;
	/** Date of the first dose; null = assigned but never dosed. */
	firstDose: string | null;
	/** Cycles given (capped at the data cut-off). */
	cycles: number;
	story: string;
	aes: AeSpec[];
	screenFailure?: boolean;
	/**
	 * Lab draws cast by hand, per test, as [study day, value]: they replace the scheduled draws of that test over
	 * their span, so a toxicity's draws are exactly the ones given.
	 */
	labs?: Partial<Record<LabTest, [number, number][]>>;
}

type LabTest = 'NEUT' | 'PLAT' | 'HGB' | 'ALT' | 'AST' | 'BILI';
const LAB_TESTS: Record<LabTest, { name: string; cat: string; unit: string; low: number; high: number; base: number; spread: number; decimals: number }> = {
	NEUT: { name: 'Neutrophils', cat: 'HEMATOLOGY', unit: '10^9/L', low: 2.0, high: 7.5, base: 4.2, spread: 0.8, decimals: 2 },
	PLAT: { name: 'Platelets', cat: 'HEMATOLOGY', unit: '10^9/L', low: 150, high: 400, base: 250, spread: 40, decimals: 0 },
	HGB: { name: 'Hemoglobin', cat: 'HEMATOLOGY', unit: 'g/L', low: 120, high: 160, base: 138, spread: 8, decimals: 0 },
	ALT: { name: 'Alanine Aminotransferase', cat: 'CHEMISTRY', unit: 'U/L', low: 0, high: 40, base: 22, spread: 6, decimals: 0 },
	AST: { name: 'Aspartate Aminotransferase', cat: 'CHEMISTRY', unit: 'U/L', low: 0, high: 40, base: 24, spread: 6, decimals: 0 },
	BILI: { name: 'Bilirubin', cat: 'CHEMISTRY', unit: 'umol/L', low: 3, high: 21, base: 9, spread: 3, decimals: 0 }
};

const SOC = {
	blood: 'Blood and lymphatic system disorders',
	gi: 'Gastrointestinal disorders',
	general: 'General disorders and administration site conditions',
	inv: 'Investigations',
	injury: 'Injury, poisoning and procedural complications',
	skin: 'Skin and subcutaneous tissue disorders',
	vasc: 'Vascular disorders',
	resp: 'Respiratory, thoracic and mediastinal disorders',
	musc: 'Musculoskeletal and connective tissue disorders',
	endo: 'Endocrine disorders',
	metab: 'Metabolism and nutrition disorders',
	nerv: 'Nervous system disorders',
	immune: 'Immune system disorders',
	infect: 'Infections and infestations'
} as const;

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Calendar date of a study day (day 1 = first dose; no day 0). */
function dayDate(first: string, day: number): string {
	return addDays(first, day > 0 ? day - 1 : day);
}

function csv(rows: Record<string, string | number>[], columns: string[]): string {
	return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
}

interface StudyShape {
	studyId: string;
	drugs: { code: string; infusion: [string, string]; dose: (level: string) => number; unit: string }[];
	/** Drugs given in a cycle (1-based). */
	drugsInCycle: (cycle: number) => string[];
	/** Cycle days on which doses are given in a cycle. */
	dosingDays: (cycle: number) => number[];
	/** Study day on which a cycle starts. */
	cycleStart: (cycle: number) => number;
	levelLabel: (level: string) => string;
}

function build(shape: StudyShape, subjects: SubjectSpec[], cutoff: string): Pick<DemoFiles, 'dm' | 'ex' | 'ae'> {
	const dm: Record<string, string | number>[] = [];
	const ex: Record<string, string | number>[] = [];
	const ae: Record<string, string | number>[] = [];
	for (const s of subjects) {
		const usubjid = `${shape.studyId}-${s.id}`;
		const arm = s.screenFailure ? 'SCRNFAIL' : s.level;
		const consent = s.firstDose ? addDays(s.firstDose, -14) : '2026-10-20';
		dm.push({
			STUDYID: shape.studyId,
			DOMAIN: 'DM',
			USUBJID: usubjid,
			SUBJID: s.id,
			RFSTDTC: s.firstDose ?? '',
			RFICDTC: consent,
			SITEID: s.site,
			AGE: s.age,
			AGEU: 'YEARS',
			SEX: s.sex,
			ARMCD: s.screenFailure ? 'SCRNFAIL' : s.level,
			ARM: s.screenFailure ? 'Screen Failure' : shape.levelLabel(s.level),
			ACTARMCD: s.firstDose ? arm : s.screenFailure ? 'SCRNFAIL' : 'NOTTRT',
			ACTARM: s.firstDose ? shape.levelLabel(s.level) : s.screenFailure ? 'Screen Failure' : 'Not Treated'
		});
		if (!s.firstDose) continue;
		let seq = 0;
		for (let c = 1; c <= s.cycles; c++) {
			for (const cd of shape.dosingDays(c)) {
				const studyDay = shape.cycleStart(c) + cd - 1;
				const date = dayDate(s.firstDose, studyDay);
				if (date > cutoff) continue;
				for (const drug of shape.drugs) {
					if (!shape.drugsInCycle(c).includes(drug.code)) continue;
					ex.push({
						STUDYID: shape.studyId,
						DOMAIN: 'EX',
						USUBJID: usubjid,
						EXSEQ: ++seq,
						EXTRT: drug.code,
						EXDOSE: drug.dose(s.level),
						EXDOSU: drug.unit,
						EXROUTE: 'INTRAVENOUS',
						VISIT: `CYCLE ${c} DAY ${cd}`,
						EXSTDTC: `${date}T${drug.infusion[0]}`,
						EXENDTC: `${date}T${drug.infusion[1]}`
					});
				}
			}
		}
		s.aes.forEach((a, i) => {
			const rels = Array.isArray(a.rel) ? a.rel : shape.drugs.map(() => a.rel as Rel);
			const start = a.partialStart ?? dayDate(s.firstDose!, a.day) + (a.time ? `T${a.time}` : '');
			const end = a.endDay === undefined ? '' : dayDate(s.firstDose!, a.endDay) + (a.endTime ? `T${a.endTime}` : '');
			const row: Record<string, string | number> = {
				STUDYID: shape.studyId,
				DOMAIN: 'AE',
				USUBJID: usubjid,
				AESEQ: i + 1,
				AETERM: a.verbatim ?? a.term.toUpperCase(),
				AEDECOD: a.term,
				AEBODSYS: a.soc,
				AETOXGR: a.grade,
				AESER: a.serious ? 'Y' : 'N',
				AESHOSP: a.serious ? 'Y' : 'N',
				AEREL: shape.drugs.length === 1 ? rels[0]! : '',
				AEACN: 'DOSE NOT CHANGED',
				AECONTRT: a.treated ? 'Y' : 'N',
				AEOUT: a.outcome ?? (end ? 'RECOVERED/RESOLVED' : 'NOT RECOVERED/NOT RESOLVED'),
				AESTDTC: start,
				AEENDTC: end,
				AEGRHIST: a.hist ? a.hist.map(([g, d]) => `${g}@${dayDate(s.firstDose!, d)}`).join(';') : ''
			};
			if (shape.drugs.length > 1) shape.drugs.forEach((_, k) => (row[`AEREL${k + 1}`] = rels[k] ?? rels[0]!));
			ae.push(row);
		});
	}
	const relColumns = shape.drugs.length > 1 ? shape.drugs.map((_, k) => `AEREL${k + 1}`) : ['AEREL'];
	return {
		dm: csv(dm, ['STUDYID', 'DOMAIN', 'USUBJID', 'SUBJID', 'RFSTDTC', 'RFICDTC', 'SITEID', 'AGE', 'AGEU', 'SEX', 'ARMCD', 'ARM', 'ACTARMCD', 'ACTARM']),
		ex: csv(ex, ['STUDYID', 'DOMAIN', 'USUBJID', 'EXSEQ', 'EXTRT', 'EXDOSE', 'EXDOSU', 'EXROUTE', 'VISIT', 'EXSTDTC', 'EXENDTC']),
		ae: csv(ae, [
			'STUDYID', 'DOMAIN', 'USUBJID', 'AESEQ', 'AETERM', 'AEDECOD', 'AEBODSYS', 'AETOXGR', 'AESER', 'AESHOSP',
			...relColumns, 'AEACN', 'AECONTRT', 'AEOUT', 'AESTDTC', 'AEENDTC', 'AEGRHIST'
		])
	};
}

/**
 * Lab draws of a dosed subject: a baseline on day -3 (LBBLFL = Y), then days 4, 8, 11, 15 and 18 of cycle 1 and
 * days 1, 8 and 15 of each later cycle, to the cut-off. Counts dip after each dose (deeper at higher levels, never
 * below grade 2) and recover by the next cycle; the cast draws replace the schedule over their span.
 */
function labRows(studyId: string, s: SubjectSpec, cycles: number, cycleLength: number, depth: number, cutoff: string): Record<string, string | number>[] {
	if (!s.firstDose) return [];
	const rand = mulberry32(Number(s.id) * 7919);
	const days = new Set<number>([-3, 4, 8, 11, 15, 18]);
	for (let c = 2; c <= cycles + 1; c++) for (const d of [1, 8, 15]) days.add((c - 1) * cycleLength + d);
	const rows: Record<string, string | number>[] = [];
	let seq = 0;
	for (const testcd of Object.keys(LAB_TESTS) as LabTest[]) {
		const t = LAB_TESTS[testcd];
		const base = t.base + (rand() - 0.5) * t.spread;
		const cast = s.labs?.[testcd] ?? [];
		const span = cast.length ? [cast[0]![0], cast.at(-1)![0]] : null;
		const draws = new Map<number, number>();
		for (const d of days) {
			if (span && d >= span[0]! && d <= span[1]!) continue;
			const inCycle = d < 1 ? 0 : ((d - 1) % cycleLength) + 1;
			// The nadir falls on cycle days 8–11; counts only, and never below grade 2.
			const counts = testcd === 'NEUT' || testcd === 'PLAT';
			const dip = !counts ? 0 : inCycle >= 8 && inCycle <= 11 ? depth : inCycle >= 6 && inCycle <= 13 ? depth / 2 : 0;
			const floor = testcd === 'NEUT' ? 1.1 : testcd === 'PLAT' ? 110 : 0;
			draws.set(d, Math.max(floor, base * (1 - dip) + (rand() - 0.5) * t.spread * 0.5));
		}
		for (const [d, v] of cast) draws.set(d, v);
		for (const d of [...draws.keys()].sort((a, b) => a - b)) {
			const date = dayDate(s.firstDose, d);
			if (date > cutoff) continue;
			const value = Number(draws.get(d)!.toFixed(t.decimals));
			rows.push({
				STUDYID: studyId,
				DOMAIN: 'LB',
				USUBJID: `${studyId}-${s.id}`,
				LBSEQ: ++seq,
				LBTESTCD: testcd,
				LBTEST: t.name,
				LBCAT: t.cat,
				LBORRES: value,
				LBORRESU: t.unit,
				LBSTRESC: value,
				LBSTRESN: value,
				LBSTRESU: t.unit,
				LBSTNRLO: t.low,
				LBSTNRHI: t.high,
				LBNRIND: value < t.low ? 'LOW' : value > t.high ? 'HIGH' : 'NORMAL',
				LBBLFL: d === -3 ? 'Y' : '',
				VISIT: d === -3 ? 'BASELINE' : `STUDY DAY ${d}`,
				LBDTC: `${date}T08:00`,
				LBDY: d
			});
		}
	}
	return rows;
}

/**
 * Protocol 002 asks for safety indicators before and after each infusion: a draw at 08:00 on each infusion day
 * (the first flagged as baseline) and one two hours after the infusion ends. Lymphocytes rise after an NK-cell
 * infusion and fall back by the next week; the other counts barely move.
 */
function aroundInfusionLabs(studyId: string, exCsv: string, rand: () => number): Record<string, string | number>[] {
	const ex = Papa.parse<Record<string, string>>(exCsv, { header: true, skipEmptyLines: true }).data;
	const bySubject = new Map<string, Record<string, string>[]>();
	for (const r of ex) (bySubject.get(r.USUBJID!) ?? bySubject.set(r.USUBJID!, []).get(r.USUBJID!)!).push(r);
	const tests: { testcd: LabTest | 'LYM'; name: string; unit: string; low: number; high: number; base: number; after: number; decimals: number }[] = [
		{ testcd: 'NEUT', name: 'Neutrophils', unit: '10^9/L', low: 2.0, high: 7.5, base: 4.0, after: 0.95, decimals: 2 },
		{ testcd: 'LYM', name: 'Lymphocytes', unit: '10^9/L', low: 1.0, high: 4.0, base: 1.6, after: 1.3, decimals: 2 },
		{ testcd: 'PLAT', name: 'Platelets', unit: '10^9/L', low: 150, high: 400, base: 240, after: 0.97, decimals: 0 },
		{ testcd: 'ALT', name: 'Alanine Aminotransferase', unit: 'U/L', low: 0, high: 40, base: 22, after: 1.0, decimals: 0 }
	];
	const rows: Record<string, string | number>[] = [];
	for (const [usubjid, doses] of bySubject) {
		let seq = 0;
		const sorted = [...doses].sort((a, b) => a.EXSTDTC!.localeCompare(b.EXSTDTC!));
		const bases = new Map(tests.map((t) => [t.testcd, t.base * (0.85 + rand() * 0.3)]));
		sorted.forEach((d, i) => {
			const date = d.EXSTDTC!.slice(0, 10);
			const end = d.EXENDTC!.slice(11, 16);
			const post = `${String(Number(end.slice(0, 2)) + 2).padStart(2, '0')}${end.slice(2)}`;
			for (const t of tests) {
				const pre = bases.get(t.testcd)! * (0.92 + rand() * 0.16);
				for (const [when, value, flag] of [['08:00', pre, i === 0 ? 'Y' : ''], [post, pre * t.after * (0.95 + rand() * 0.1), '']] as const) {
					const v = Number(value.toFixed(t.decimals));
					rows.push({
						STUDYID: studyId, DOMAIN: 'LB', USUBJID: usubjid, LBSEQ: ++seq, LBTESTCD: t.testcd, LBTEST: t.name, LBCAT: t.testcd === 'ALT' ? 'CHEMISTRY' : 'HEMATOLOGY',
						LBORRES: v, LBORRESU: t.unit, LBSTRESC: v, LBSTRESN: v, LBSTRESU: t.unit, LBSTNRLO: t.low, LBSTNRHI: t.high,
						LBNRIND: v < t.low ? 'LOW' : v > t.high ? 'HIGH' : 'NORMAL', LBBLFL: flag, VISIT: d.VISIT!, LBDTC: `${date}T${when}`, LBDY: ''
					});
				}
			}
		});
	}
	return rows;
}

const LB_COLUMNS = ['STUDYID', 'DOMAIN', 'USUBJID', 'LBSEQ', 'LBTESTCD', 'LBTEST', 'LBCAT', 'LBORRES', 'LBORRESU', 'LBSTRESC', 'LBSTRESN', 'LBSTRESU', 'LBSTNRLO', 'LBSTNRHI', 'LBNRIND', 'LBBLFL', 'VISIT', 'LBDTC', 'LBDY'];

// ---------------------------------------------------------------- protocol 001: BAT4706 + BAT1308

const P: Rel = 'POSSIBLY RELATED';
const PR: Rel = 'PROBABLY RELATED';
const NR: Rel = 'NOT RELATED';

export const CASES_001: SubjectSpec[] = [
	{ id: '0101', level: 'DL1', sex: 'F', age: 58, site: '101', firstDose: '2026-03-02', cycles: 6, story: 'Low-grade related AEs only: no DLT.', aes: [
		{ term: 'Fatigue', soc: SOC.general, grade: 1, day: 3, endDay: 10, rel: [P, P], expect: ['not_dlt', '1'] },
		{ term: 'Rash maculo-papular', soc: SOC.skin, grade: 2, day: 8, endDay: 20, rel: [PR, P], expect: ['not_dlt', '1'] },
		{ term: 'Nausea', soc: SOC.gi, grade: 1, day: 2, endDay: 3, rel: [P, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0102', level: 'DL1', sex: 'M', age: 63, site: '101', firstDose: '2026-03-04', cycles: 6, story: 'Grade 3 hypertension not related to either drug: not a DLT. A pre-dose AE.', aes: [
		{ term: 'Back pain', soc: SOC.musc, grade: 1, day: -5, endDay: 10, rel: [NR, NR], expect: ['not_dlt', null] },
		{ term: 'Hypertension', soc: SOC.vasc, grade: 3, day: 12, endDay: 16, rel: [NR, NR], treated: true, expect: ['not_dlt', null] }
	] },
	{ id: '0103', level: 'DL1', sex: 'F', age: 49, site: '102', firstDose: '2026-03-09', cycles: 5, story: 'Grade 3 nausea relieved 2 days after supportive treatment: excepted, not a DLT.', aes: [
		{ term: 'Nausea', soc: SOC.gi, grade: 3, day: 3, time: '08:00', endDay: 5, endTime: '08:00', rel: [P, P], treated: true, expect: ['not_dlt', '1a'] }
	] },
	{ id: '0201', level: 'DL2', sex: 'M', age: 55, site: '101', firstDose: '2026-04-06', cycles: 6, story: 'Grade 3 infusion reaction recovered exactly 2 hours after symptomatic treatment: excepted, not a DLT.', aes: [
		{ term: 'Infusion related reaction', soc: SOC.injury, grade: 3, day: 1, time: '10:15', endDay: 1, endTime: '12:15', rel: ['DEFINITELY RELATED', P], treated: true, expect: ['not_dlt', '1b'] }
	] },
	{ id: '0202', level: 'DL2', sex: 'F', age: 67, site: '102', firstDose: '2026-04-08', cycles: 6, labs: { HGB: [[8, 105], [10, 76], [14, 74], [18, 95], [22, 118]] }, story: 'Grade 3 anaemia: haematological below grade 4, not a DLT.', aes: [
		{ term: 'Anemia', soc: SOC.blood, grade: 3, day: 10, endDay: 18, rel: [P, P], treated: true, expect: ['not_dlt', '2'] }
	] },
	{ id: '0203', level: 'DL2', sex: 'M', age: 60, site: '103', firstDose: '2026-04-13', cycles: 6, labs: { NEUT: [[9, 0.8], [10, 0.4], [12, 0.35], [15, 0.45], [16, 0.9], [18, 1.6], [22, 2.8]] }, story: 'Grade 4 neutropenia for 6 days (days 10–15): short of 7 days, not a DLT.', aes: [
		{ term: 'Neutrophil count decreased', soc: SOC.inv, grade: 4, day: 8, endDay: 20, rel: [PR, PR], hist: [[3, 8], [4, 10], [3, 16]], expect: ['not_dlt', '2a'] }
	] },
	{ id: '0204', level: 'DL2', sex: 'F', age: 52, site: '101', firstDose: '2026-04-20', cycles: 2, story: 'Grade 3 diarrhoea lasting 4 days despite supportive treatment: DLT.', aes: [
		{ term: 'Diarrhea', soc: SOC.gi, grade: 3, day: 5, time: '07:30', endDay: 9, endTime: '07:30', rel: [PR, P], treated: true, serious: true, expect: ['dlt', '1'] }
	] },
	{ id: '0205', level: 'DL2', sex: 'M', age: 71, site: '103', firstDose: '2026-04-22', cycles: 5, story: 'Grade 3 vomiting relieved exactly 3 days after supportive treatment: excepted, not a DLT.', aes: [
		{ term: 'Vomiting', soc: SOC.gi, grade: 3, day: 4, time: '18:00', endDay: 7, endTime: '18:00', rel: [P, P], treated: true, expect: ['not_dlt', '1a'] }
	] },
	{ id: '0206', level: 'DL2', sex: 'F', age: 44, site: '102', firstDose: '2026-04-27', cycles: 6, story: 'Related grade 3 ALT increase on day 22, outside the window: not a DLT.', aes: [
		{ term: 'Fatigue', soc: SOC.general, grade: 2, day: 3, endDay: 12, rel: [P, P], expect: ['not_dlt', '1'] },
		{ term: 'Alanine aminotransferase increased', soc: SOC.inv, grade: 3, day: 22, endDay: 30, rel: [PR, P], expect: ['not_dlt', null] }
	] },
	{ id: '0301', level: 'DL3', sex: 'M', age: 59, site: '101', firstDose: '2026-06-01', cycles: 3, labs: { PLAT: [[11, 95], [12, 45], [15, 38], [18, 48], [19, 80], [22, 160]] }, story: 'Grade 3 thrombocytopenia with epistaxis during it: DLT.', aes: [
		{ term: 'Platelet count decreased', soc: SOC.inv, grade: 3, day: 12, endDay: 18, rel: [PR, P], verbatim: 'THROMBOCYTOPENIA', expect: ['dlt', '3a'] },
		{ term: 'Epistaxis', soc: SOC.resp, grade: 1, day: 14, endDay: 15, rel: [P, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0302', level: 'DL3', sex: 'F', age: 62, site: '102', firstDose: '2026-06-03', cycles: 5, labs: { PLAT: [[10, 90], [11, 42], [14, 40], [16, 70], [18, 120], [22, 170]] }, story: 'Grade 3 thrombocytopenia without bleeding: not a DLT.', aes: [
		{ term: 'Platelet count decreased', soc: SOC.inv, grade: 3, day: 11, endDay: 16, rel: [PR, P], expect: ['not_dlt', '3a'] }
	] },
	{ id: '0303', level: 'DL3', sex: 'M', age: 57, site: '103', firstDose: '2026-06-08', cycles: 5, labs: { NEUT: [[8, 1.7], [9, 0.8], [11, 0.75], [14, 0.9], [15, 1.6], [18, 2.4]] }, story: 'Grade 3 neutropenia; fever came later and did not overlap: not a DLT.', aes: [
		{ term: 'Neutrophil count decreased', soc: SOC.inv, grade: 3, day: 9, endDay: 14, rel: [P, P], expect: ['not_dlt', '2a'] },
		{ term: 'Fever', soc: SOC.general, grade: 2, day: 17, endDay: 18, rel: [NR, NR], expect: ['not_dlt', '1'] }
	] },
	{ id: '0304', level: 'DL3', sex: 'F', age: 66, site: '101', firstDose: '2026-06-10', cycles: 5, story: 'Grade 1–2 events only.', aes: [
		{ term: 'Fatigue', soc: SOC.general, grade: 2, day: 2, endDay: 15, rel: [P, P], expect: ['not_dlt', '1'] },
		{ term: 'Anorexia', soc: SOC.metab, grade: 1, day: 4, endDay: 11, rel: [P, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0305', level: 'DL3', sex: 'M', age: 48, site: '102', firstDose: '2026-06-15', cycles: 5, story: 'Grade 3 AST increase judged unlikely related: not a DLT.', aes: [
		{ term: 'Aspartate aminotransferase increased', soc: SOC.inv, grade: 3, day: 15, endDay: 19, rel: ['UNLIKELY RELATED', 'UNLIKELY RELATED'], expect: ['not_dlt', null] }
	] },
	{ id: '0306', level: 'DL3', sex: 'F', age: 53, site: '103', firstDose: '2026-06-17', cycles: 4, story: 'An immune-related AE of low grade.', aes: [
		{ term: 'Hypothyroidism', soc: SOC.endo, grade: 2, day: 18, rel: [PR, PR], treated: true, expect: ['not_dlt', '1'] }
	] },
	{ id: '0401', level: 'DL4', sex: 'M', age: 61, site: '101', firstDose: '2026-08-03', cycles: 3, labs: { NEUT: [[6, 0.9], [8, 0.42], [11, 0.3], [14, 0.45], [15, 0.8], [18, 1.7], [22, 2.9]] }, story: 'Grade 4 neutropenia for exactly 7 days (days 8–14): DLT.', aes: [
		{ term: 'Neutrophil count decreased', soc: SOC.inv, grade: 4, day: 6, endDay: 19, rel: [PR, P], hist: [[3, 6], [4, 8], [3, 15]], expect: ['dlt', '2b'] }
	] },
	{ id: '0402', level: 'DL4', sex: 'F', age: 50, site: '102', firstDose: '2026-08-05', cycles: 4, story: 'Grade 2 infusion reaction.', aes: [
		{ term: 'Infusion related reaction', soc: SOC.injury, grade: 2, day: 1, time: '10:20', endDay: 1, endTime: '11:00', rel: [PR, P], treated: true, expect: ['not_dlt', '1'] }
	] },
	{ id: '0403', level: 'DL4', sex: 'M', age: 69, site: '103', firstDose: '2026-08-10', cycles: 4, story: 'Grade 3 lymphopenia: haematological below grade 4, not a DLT.', aes: [
		{ term: 'Lymphocyte count decreased', soc: SOC.inv, grade: 3, day: 5, endDay: 12, rel: [P, P], expect: ['not_dlt', '2'] }
	] },
	{ id: '0404', level: 'DL4', sex: 'F', age: 58, site: '101', firstDose: '2026-08-12', cycles: 4, story: 'Grade 3 diarrhoea relieved in 2 days with treatment: excepted, not a DLT.', aes: [
		{ term: 'Diarrhea', soc: SOC.gi, grade: 3, day: 6, endDay: 8, rel: [PR, P], treated: true, expect: ['not_dlt', '1a'] },
		{ term: 'Nausea', soc: SOC.gi, grade: 2, day: 6, endDay: 9, rel: [P, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0405', level: 'DL4', sex: 'M', age: 64, site: '102', firstDose: '2026-08-17', cycles: 4, labs: { ALT: [[29, 45], [30, 215], [32, 265], [36, 190], [43, 55]], AST: [[30, 150], [32, 200], [36, 120], [43, 40]], BILI: [[30, 18], [32, 48], [36, 30], [43, 12]] }, story: 'Related grade 3 ALT increase in cycle 2 (day 30): not a DLT.', aes: [
		{ term: 'Alanine aminotransferase increased', soc: SOC.inv, grade: 3, day: 30, endDay: 38, rel: [PR, P], expect: ['not_dlt', null] }
	] },
	{ id: '0406', level: 'DL4', sex: 'F', age: 47, site: '103', firstDose: '2026-08-19', cycles: 4, story: 'Grade 2 rash.', aes: [
		{ term: 'Rash maculo-papular', soc: SOC.skin, grade: 2, day: 9, endDay: 22, rel: [PR, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0501', level: 'DL5', sex: 'M', age: 56, site: '101', firstDose: '2026-10-05', cycles: 1, story: 'Grade 3 infusion reaction lasting 3 hours after treatment: DLT. Grade 3 pneumonitis on day 21, the last day of the window: DLT.', aes: [
		{ term: 'Infusion related reaction', soc: SOC.injury, grade: 3, day: 1, time: '10:20', endDay: 1, endTime: '13:20', rel: ['DEFINITELY RELATED', P], treated: true, expect: ['dlt', '1'] },
		{ term: 'Pneumonitis', soc: SOC.resp, grade: 3, day: 21, endDay: 35, rel: [PR, PR], treated: true, serious: true, expect: ['dlt', '1'] }
	] },
	{ id: '0502', level: 'DL5', sex: 'F', age: 60, site: '102', firstDose: '2026-10-07', cycles: 1, labs: { PLAT: [[11, 45], [12, 20], [15, 30], [16, 60], [18, 110]] }, story: 'Febrile neutropenia and grade 4 thrombocytopenia: DLT.', aes: [
		{ term: 'Febrile neutropenia', soc: SOC.blood, grade: 3, day: 10, endDay: 13, rel: [PR, P], treated: true, serious: true, expect: ['dlt', '2a'] },
		{ term: 'Platelet count decreased', soc: SOC.inv, grade: 4, day: 11, endDay: 16, rel: [PR, P], hist: [[3, 11], [4, 12], [2, 16]], expect: ['dlt', '3'] }
	] },
	{ id: '0503', level: 'DL5', sex: 'M', age: 54, site: '103', firstDose: '2026-10-12', cycles: 2, labs: { NEUT: [[8, 1.6], [9, 0.8], [11, 0.7], [15, 1.3], [18, 2.5]] }, story: 'Grade 3 neutropenia with fever during it: DLT.', aes: [
		{ term: 'Neutrophil count decreased', soc: SOC.inv, grade: 3, day: 9, endDay: 15, rel: [PR, P], expect: ['dlt', '2a'] },
		{ term: 'Fever', soc: SOC.general, grade: 1, day: 11, endDay: 12, rel: [P, P], expect: ['not_dlt', '1'] }
	] },
	{ id: '0504', level: 'DL5', sex: 'F', age: 65, site: '101', firstDose: '2026-11-02', cycles: 1, labs: { NEUT: [[9, 0.9], [12, 0.4], [15, 0.35]] }, story: 'Grade 4 neutropenia since day 12, ongoing at the cut-off (day 15): pending; a DLT on day 18 if still grade 4.', aes: [
		{ term: 'Neutrophil count decreased', soc: SOC.inv, grade: 4, day: 9, rel: [PR, P], hist: [[3, 9], [4, 12]], expect: ['pending', '2b'] }
	] },
	{ id: '0505', level: 'DL5', sex: 'M', age: 51, site: '102', firstDose: '2026-11-04', cycles: 1, labs: { NEUT: [[4, 0.95], [5, 0.45], [8, 0.3], [12, 0.4], [13, 1.2]] }, story: 'Related grade 3 ALT increase with a partial onset date (2026-11): pending until the date is known. Neutrophils at grade 4 from day 5 to day 12 (8 days) with no AE recorded: a lab-defined DLT candidate for the committee.', aes: [
		{ term: 'Alanine aminotransferase increased', soc: SOC.inv, grade: 3, day: 0, partialStart: '2026-11', rel: [PR, P], expect: ['pending', null] }
	] },
	{ id: '0506', level: 'DL5', sex: 'F', age: 70, site: '103', firstDose: null, cycles: 0, story: 'Assigned to DL5, withdrew before the first dose: not evaluable.', aes: [] },
	{ id: '0901', level: 'DL5', sex: 'M', age: 73, site: '101', firstDose: null, cycles: 0, screenFailure: true, story: 'Screen failure.', aes: [] }
];

const IS_COLUMNS = ['STUDYID', 'DOMAIN', 'USUBJID', 'ISSEQ', 'ISTESTCD', 'ISTEST', 'ISCAT', 'ISORRES', 'ISSTRESC', 'ISBLFL', 'VISIT', 'ISDTC', 'ISDY'];
const RS_COLUMNS = ['STUDYID', 'DOMAIN', 'USUBJID', 'RSSEQ', 'RSTESTCD', 'RSTEST', 'RSCAT', 'RSORRES', 'RSSTRESC', 'RSEVAL', 'VISIT', 'RSDTC', 'RSDY'];
const TR_COLUMNS = ['STUDYID', 'DOMAIN', 'USUBJID', 'TRSEQ', 'TRGRPID', 'TRLNKID', 'TRTESTCD', 'TRTEST', 'TRORRES', 'TRORRESU', 'TRSTRESC', 'TRSTRESN', 'TRSTRESU', 'TREVAL', 'VISIT', 'TRDTC', 'TRDY'];

/**
 * Anti-drug antibodies every cycle (day 1, before the dose; protocol 001 collects them to cycle 18), and tumour
 * assessments every 6 weeks from a baseline scan a week before day 1 while on treatment: two or three target
 * lesions (longest diameters, no sponsor sum, so DoseWatch adds them), the investigator's overall response by
 * RECIST 1.1 from the change in their sum (PR from −30% against baseline, PD from +20% and 5 mm against the
 * smallest sum), stopping at the first PD. Deeper shrinkage at higher dose levels; seeded per subject.
 */
function activityRows(studyId: string, subjects: SubjectSpec[], cutoff: string) {
	const is: Record<string, string | number>[] = [];
	const rs: Record<string, string | number>[] = [];
	const tr: Record<string, string | number>[] = [];
	for (const s of subjects) {
		if (!s.firstDose) continue;
		const usubjid = `${studyId}-${s.id}`;
		const rand = mulberry32(Number(s.id) * 104729);
		const k = Number(s.level.slice(2)) - 1;
		const known = (day: number) => dayDate(s.firstDose!, day) <= cutoff;
		// ADA: a quarter turn positive from cycle 3 on; the rest stay negative.
		const turns = rand() < 0.25 ? 3 : Infinity;
		let seq = 0;
		for (let c = 1; c <= Math.max(1, s.cycles); c++) {
			const day = (c - 1) * 21 + 1;
			if (!known(day)) break;
			const result = c >= turns ? 'POSITIVE' : 'NEGATIVE';
			is.push({ STUDYID: studyId, DOMAIN: 'IS', USUBJID: usubjid, ISSEQ: ++seq, ISTESTCD: 'ADA_BAB', ISTEST: 'Binding Antidrug Antibody', ISCAT: 'ANTI-DRUG ANTIBODY', ISORRES: result, ISSTRESC: result, ISBLFL: c === 1 ? 'Y' : '', VISIT: `CYCLE ${c} DAY 1`, ISDTC: dayDate(s.firstDose, day), ISDY: day });
		}
		// Tumour: baseline lesions, then a trajectory by dose level.
		const lesions = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => 12 + Math.round(rand() * 30));
		const fate = rand();
		const progressor = fate < 0.6 - 0.12 * k;
		const early = fate < 0.2 - 0.04 * k;
		const depth = (0.1 + 0.08 * k) * (0.6 + rand());
		let rseq = 0;
		let tseq = 0;
		const scan = (day: number, visit: string, factor: number) => {
			const sizes = lesions.map((l) => Math.max(0, Math.round(l * factor * (0.95 + rand() * 0.1) * 10) / 10));
			sizes.forEach((size, i) =>
				tr.push({ STUDYID: studyId, DOMAIN: 'TR', USUBJID: usubjid, TRSEQ: ++tseq, TRGRPID: 'TARGET', TRLNKID: `T0${i + 1}`, TRTESTCD: 'LDIAM', TRTEST: 'Longest Diameter', TRORRES: size, TRORRESU: 'mm', TRSTRESC: size, TRSTRESN: size, TRSTRESU: 'mm', TREVAL: 'INVESTIGATOR', VISIT: visit, TRDTC: dayDate(s.firstDose!, day), TRDY: day })
			);
			return sizes.reduce((a, b) => a + b, 0);
		};
		const baseline = scan(-7, 'BASELINE', 1);
		let nadir = baseline;
		for (let i = 1; ; i++) {
			const day = 1 + 42 * i;
			if (day > s.cycles * 21 + 21 || !known(day)) break;
			const factor = early ? 1.3 : progressor ? 1 + (i >= 2 ? 0.14 * (i - 1) : -0.05) : Math.max(0.25, 1 - depth * i);
			const sum = scan(day, `WEEK ${6 * i}`, factor);
			const response = sum >= nadir * 1.2 && sum - nadir >= 5 ? 'PD' : sum === 0 ? 'CR' : (sum - baseline) / baseline <= -0.3 ? 'PR' : 'SD';
			nadir = Math.min(nadir, sum);
			rs.push({ STUDYID: studyId, DOMAIN: 'RS', USUBJID: usubjid, RSSEQ: ++rseq, RSTESTCD: 'OVRLRESP', RSTEST: 'Overall Response', RSCAT: 'RECIST 1.1', RSORRES: response, RSSTRESC: response, RSEVAL: 'INVESTIGATOR', VISIT: `WEEK ${6 * i}`, RSDTC: dayDate(s.firstDose, day), RSDY: day });
			if (response === 'PD') break;
		}
	}
	return { is: csv(is, IS_COLUMNS), rs: csv(rs, RS_COLUMNS), tr: csv(tr, TR_COLUMNS) };
}

export function demo001(): DemoFiles {
	const cutoff = '2026-11-16';
	const shape: StudyShape = {
		studyId: 'BAT-001',
		drugs: [
			{ code: 'BAT4706', infusion: ['10:00', '11:00'], unit: 'mg/kg', dose: (l) => ({ DL1: 0.1, DL2: 0.3, DL3: 1, DL4: 3, DL5: 6 })[l] ?? 0 },
			{ code: 'BAT1308', infusion: ['09:00', '09:30'], unit: 'mg/kg', dose: () => 3 }
		],
		drugsInCycle: (c) => (c <= 4 ? ['BAT4706', 'BAT1308'] : ['BAT1308']),
		dosingDays: () => [1],
		cycleStart: (c) => 1 + (c - 1) * 21,
		levelLabel: (l) => `Dose level ${l.slice(2)}`
	};
	const depth: Record<string, number> = { DL1: 0.3, DL2: 0.4, DL3: 0.5, DL4: 0.65, DL5: 0.72 };
	const lb = CASES_001.filter((s) => !s.screenFailure).flatMap((s) => labRows(shape.studyId, s, s.cycles, 21, depth[s.level] ?? 0.3, cutoff));
	return {
		preset: 'bat4706-bat1308',
		dataCutoff: cutoff,
		description: 'Synthetic demo: 25 subjects over 5 dose levels, cast to exercise every clause of the protocol 001 DLT definition, with lab series for the counts, anti-drug antibodies and tumour assessments (RECIST 1.1).',
		...build(shape, CASES_001, cutoff),
		lb: csv(lb, LB_COLUMNS),
		...activityRows(shape.studyId, CASES_001.filter((s) => !s.screenFailure), cutoff)
	};
}

// ---------------------------------------------------------------- seeded studies

interface PoolEntry {
	term: string;
	soc: string;
	/** Probability a subject has it, at the lowest dose; rises with the dose index. */
	p: number;
	maxGrade: number;
	/** Typical onset day range. */
	days: [number, number];
	duration: [number, number];
	relatedBias: number;
}

function seeded(
	rand: () => number,
	levels: { code: string; n: number; start: string }[],
	pool: PoolEntry[],
	cutoff: string,
	cycles: number,
	prefix: string
): SubjectSpec[] {
	const out: SubjectSpec[] = [];
	const rels: Rel[] = ['NOT RELATED', 'UNLIKELY RELATED', 'POSSIBLY RELATED', 'PROBABLY RELATED', 'DEFINITELY RELATED'];
	levels.forEach((lv, li) => {
		for (let i = 0; i < lv.n; i++) {
			const first = addDays(lv.start, i * 3 + Math.floor(rand() * 3));
			const aes: AeSpec[] = [];
			for (const e of pool) {
				if (rand() > e.p * (1 + li * 0.35)) continue;
				const day = e.days[0] + Math.floor(rand() * (e.days[1] - e.days[0] + 1));
				const grade = Math.min(e.maxGrade, 1 + Math.floor(rand() * rand() * (e.maxGrade + li * 0.6)));
				const length = e.duration[0] + Math.floor(rand() * (e.duration[1] - e.duration[0] + 1));
				const endDate = dayDate(first, day + length);
				const relIndex = Math.max(0, Math.min(4, Math.round(e.relatedBias + (rand() - 0.5) * 2.5)));
				aes.push({
					term: e.term,
					soc: e.soc,
					grade,
					day,
					endDay: endDate <= cutoff ? day + length : undefined,
					rel: rels[relIndex]!,
					treated: grade >= 3 || rand() < 0.3,
					serious: grade >= 4 || (grade === 3 && rand() < 0.3)
				});
			}
			if (dayDate(first, 1) > cutoff) continue;
			aes.sort((a, b) => a.day - b.day);
			out.push({
				id: `${prefix}${String(li + 1)}${String(i + 1).padStart(2, '0')}`,
				level: lv.code,
				sex: rand() < 0.5 ? 'F' : 'M',
				age: 38 + Math.floor(rand() * 38),
				site: String(101 + Math.floor(rand() * 3)),
				firstDose: first,
				cycles,
				story: 'Seeded',
				aes: aes.filter((a) => dayDate(first, a.day) <= cutoff)
			});
		}
	});
	return out;
}

const MAB_POOL: PoolEntry[] = [
	{ term: 'Infusion related reaction', soc: SOC.injury, p: 0.25, maxGrade: 3, days: [1, 1], duration: [0, 1], relatedBias: 3.5 },
	{ term: 'Fatigue', soc: SOC.general, p: 0.45, maxGrade: 3, days: [2, 20], duration: [3, 20], relatedBias: 2 },
	{ term: 'Nausea', soc: SOC.gi, p: 0.3, maxGrade: 3, days: [1, 10], duration: [1, 6], relatedBias: 2 },
	{ term: 'Rash maculo-papular', soc: SOC.skin, p: 0.25, maxGrade: 3, days: [5, 30], duration: [5, 20], relatedBias: 2.8 },
	{ term: 'Fever', soc: SOC.general, p: 0.2, maxGrade: 2, days: [1, 14], duration: [1, 3], relatedBias: 2 },
	{ term: 'Alanine aminotransferase increased', soc: SOC.inv, p: 0.15, maxGrade: 4, days: [8, 40], duration: [5, 15], relatedBias: 2.5 },
	{ term: 'Anemia', soc: SOC.blood, p: 0.2, maxGrade: 3, days: [10, 40], duration: [10, 30], relatedBias: 1.2 },
	{ term: 'Headache', soc: SOC.nerv, p: 0.15, maxGrade: 2, days: [1, 20], duration: [1, 3], relatedBias: 1 },
	{ term: 'Diarrhea', soc: SOC.gi, p: 0.15, maxGrade: 3, days: [3, 25], duration: [2, 6], relatedBias: 2 }
];

const NK_POOL: PoolEntry[] = [
	{ term: 'Fever', soc: SOC.general, p: 0.5, maxGrade: 3, days: [1, 2], duration: [1, 2], relatedBias: 3 },
	{ term: 'Chills', soc: SOC.general, p: 0.35, maxGrade: 2, days: [1, 1], duration: [0, 1], relatedBias: 3 },
	{ term: 'Cytokine release syndrome', soc: SOC.immune, p: 0.1, maxGrade: 3, days: [1, 3], duration: [1, 4], relatedBias: 3.5 },
	{ term: 'Fatigue', soc: SOC.general, p: 0.35, maxGrade: 2, days: [2, 20], duration: [3, 15], relatedBias: 1.8 },
	{ term: 'Abdominal pain', soc: SOC.gi, p: 0.3, maxGrade: 3, days: [1, 30], duration: [2, 10], relatedBias: 0.8 },
	{ term: 'Lymphocyte count decreased', soc: SOC.inv, p: 0.2, maxGrade: 4, days: [2, 10], duration: [3, 9], relatedBias: 2 },
	{ term: 'Hypoalbuminemia', soc: SOC.metab, p: 0.25, maxGrade: 3, days: [5, 35], duration: [7, 21], relatedBias: 0.6 },
	{ term: 'Nausea', soc: SOC.gi, p: 0.2, maxGrade: 2, days: [1, 10], duration: [1, 4], relatedBias: 1.5 }
];

export function demoGentuximab(): DemoFiles {
	const cutoff = '2026-11-16';
	const subjects = seeded(
		mulberry32(4706),
		[
			{ code: 'C1', n: 3, start: '2026-02-02' },
			{ code: 'C2', n: 6, start: '2026-03-23' },
			{ code: 'C3', n: 6, start: '2026-05-11' },
			{ code: 'C4', n: 6, start: '2026-07-06' },
			{ code: 'C5', n: 3, start: '2026-10-26' }
		],
		MAB_POOL,
		cutoff,
		4,
		'0'
	);
	const shape: StudyShape = {
		studyId: 'GTX-000',
		drugs: [{ code: 'GENTUXIMAB', infusion: ['09:30', '11:00'], unit: 'mg/kg', dose: (l) => ({ C1: 1, C2: 3, C3: 6, C4: 10, C5: 15 })[l] ?? 0 }],
		drugsInCycle: () => ['GENTUXIMAB'],
		// One single dose in cycle 1 (21 days), then weekly in 28-day cycles, as the preset's schedule says.
		dosingDays: (c) => (c === 1 ? [1] : [1, 8, 15, 22]),
		cycleStart: (c) => (c === 1 ? 1 : 22 + (c - 2) * 28),
		levelLabel: (l) => `Cohort ${l.slice(1)}`
	};
	return {
		preset: 'gentuximab',
		dataCutoff: cutoff,
		description: `Synthetic demo: ${subjects.length} subjects over 5 cohorts, a single dose then repeated doses.`,
		...build(shape, subjects, cutoff)
	};
}

export function demoSkNk(): DemoFiles {
	const cutoff = '2026-11-16';
	const subjects = seeded(
		mulberry32(2020),
		[
			{ code: 'D20', n: 12, start: '2026-05-04' },
			{ code: 'D30', n: 9, start: '2026-09-28' }
		],
		NK_POOL,
		cutoff,
		2,
		'1'
	);
	const shape: StudyShape = {
		studyId: 'SKNK-002',
		drugs: [{ code: 'SK-NK', infusion: ['10:00', '10:45'], unit: 'cells', dose: (l) => (l === 'D20' ? 2e9 : 3e9) }],
		drugsInCycle: () => ['SK-NK'],
		dosingDays: () => [1, 8, 15, 22, 29, 36],
		cycleStart: (c) => 1 + (c - 1) * 42,
		levelLabel: (l) => `${l.slice(1)}×10^8 cells`
	};
	const files = build(shape, subjects, cutoff);
	return {
		preset: 'sk-nk',
		dataCutoff: cutoff,
		description: `Synthetic demo: ${subjects.length} subjects at two cell doses, weekly infusions, with blood counts and ALT drawn before and after each infusion.`,
		...files,
		lb: csv(aroundInfusionLabs(shape.studyId, files.ex, mulberry32(2021)), LB_COLUMNS)
	};
}

export function allDemos(): DemoFiles[] {
	return [demo001(), demoGentuximab(), demoSkNk()];
}
