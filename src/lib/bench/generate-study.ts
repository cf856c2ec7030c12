/**
 * A synthetic study of any size, deterministic for a seed, for benchmarks: subjects spread over dose levels,
 * 21-day cycles of one drug, and AEs with grades, grade histories, attribution and a few partial dates.
 */
import type { AdverseEvent, DoseAdministration, Grade, Relatedness, Study, Subject } from '../domain/types';

/** mulberry32: a small, fast, deterministic generator of numbers in [0, 1). */
export function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TERMS: [string, string][] = [
	['Fatigue', 'General disorders and administration site conditions'],
	['Nausea', 'Gastrointestinal disorders'],
	['Diarrhea', 'Gastrointestinal disorders'],
	['Neutrophil count decreased', 'Investigations'],
	['Platelet count decreased', 'Investigations'],
	['Anemia', 'Blood and lymphatic system disorders'],
	['Rash maculo-papular', 'Skin and subcutaneous tissue disorders'],
	['Fever', 'General disorders and administration site conditions'],
	['Alanine aminotransferase increased', 'Investigations'],
	['Infusion related reaction', 'Injury, poisoning and procedural complications']
];
const REL: Relatedness[] = ['not_related', 'unlikely', 'possible', 'probable', 'definite'];

export interface GeneratedStudy {
	study: Study;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
}

export function generateStudy(o: { subjects: number; aes: number; doses?: number; levels?: number; seed?: number }): GeneratedStudy {
	const rand = mulberry32(o.seed ?? 1);
	const nLevels = o.levels ?? 8;
	const id = 'bench';
	const study: Study = {
		id,
		title: `Synthetic benchmark study (${o.subjects} subjects, ${o.aes} AEs)`,
		protocolRef: 'synthetic',
		presetId: null,
		drugs: [{ code: 'X', name: 'Drug X' }],
		doseLevels: Array.from({ length: nLevels }, (_, i) => ({ code: `DL${i + 1}`, label: `Dose level ${i + 1}`, doses: [{ drug: 'X', amount: i + 1, unit: 'mg/kg' }] })),
		schedule: { cycleLengthDays: 21, dosingDays: [1], maxCycles: null, phases: [], description: 'every 3 weeks' },
		dltWindow: { cycle: 1, startDay: 1, endDay: 21, protocol: 'generated study', reading: 'Cycle 1, days 1–21.' },
		design: { kind: '3+3', deescalation: false },
		dltRuleSet: 'generic',
		teaeWindowDays: 30,
		dataCutoff: '2027-12-31',
		isDemo: false,
		createdAt: '2026-01-01T00:00:00Z'
	};
	const day0 = Date.UTC(2025, 0, 6) / 86_400_000;
	const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
	const subjects: Subject[] = [];
	const doses: DoseAdministration[] = [];
	const aes: AdverseEvent[] = [];
	const dosesPer = Math.max(1, Math.round((o.doses ?? o.subjects * 8) / o.subjects));
	const firsts: number[] = [];
	for (let i = 0; i < o.subjects; i++) {
		const usubjid = `BENCH-${String(i + 1).padStart(5, '0')}`;
		const level = Math.min(nLevels - 1, Math.floor((i / o.subjects) * nLevels));
		const first = day0 + Math.floor(i * 0.6) + Math.floor(rand() * 3);
		firsts.push(first);
		subjects.push({ studyId: id, usubjid, doseLevel: `DL${level + 1}`, site: String(100 + (i % 7)), sex: rand() < 0.5 ? 'F' : 'M', age: 40 + Math.floor(rand() * 35), enrolled: iso(first - 14), status: 'on_treatment', refStart: null });
		for (let c = 0; c < dosesPer; c++) {
			const d = first + c * 21;
			doses.push({ studyId: id, usubjid, seq: c + 1, drug: 'X', start: `${iso(d)}T09:00`, end: `${iso(d)}T10:00`, dose: level + 1, unit: 'mg/kg', cycle: c + 1, day: 1 });
		}
	}
	for (let k = 0; k < o.aes; k++) {
		const s = Math.floor(rand() * o.subjects);
		const subject = subjects[s]!;
		const [term, soc] = TERMS[Math.floor(rand() * TERMS.length)]!;
		const startDay = firsts[s]! + Math.floor(rand() * dosesPer * 21);
		const length = 1 + Math.floor(rand() * 20);
		const grade = (1 + Math.floor(rand() * rand() * 4.6)) as Grade;
		const ongoing = rand() < 0.1;
		const partial = rand() < 0.01;
		const start = partial ? iso(startDay).slice(0, 7) : iso(startDay);
		const history = grade >= 3 && !partial ? [{ grade: (grade - 1) as Grade, from: iso(startDay) }, { grade, from: iso(startDay + 1) }] : partial ? [] : [{ grade, from: start }];
		aes.push({
			studyId: id, usubjid: subject.usubjid, aeseq: k + 1, verbatim: term, term, soc, grade, gradeDerived: false, gradeHistory: history,
			start, end: ongoing ? null : iso(startDay + length), serious: grade >= 4 || rand() < 0.03, seriousCriteria: [],
			attribution: { X: REL[Math.floor(rand() * REL.length)]! }, attributionHistory: [], action: '', outcome: '', treated: rand() < 0.4, notes: '', rev: 1
		});
	}
	return { study, subjects, doses, aes };
}
