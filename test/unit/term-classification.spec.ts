/**
 * Every term a real export or CTCAE can carry, classified as the DLT rules need: the CDISC pilot's AEDECODs
 * (MedDRA preferred terms, British spelling, capitals) and all 837 CTCAE v5.0 terms (US spelling).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { canonicalTerm, classifyTerm, foldTerm, inCategory, isUnclassified, matchesSelector, type TermFacts } from '../../src/lib/domain/dlt/classify-term';
import { DLT_RULE_SETS, findRuleSet } from '../../src/lib/presets/dlt-rule-sets';
import { PILOT } from './helpers';

const read = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const CTCAE = read(`${PILOT}/../ctcae-v5.0/ctcae_v5.0_terms.csv`);
const pilot = [...new Map(read(`${PILOT}/ae.csv`).map((r) => [r.AEDECOD!, r.AEBODSYS!])).entries()];
const bat = findRuleSet('bat4706-bat1308')!;
const categoriesOf = (term: string, soc: string) => Object.keys(bat.categories).filter((c) => inCategory(bat, c, { term, soc }));

/** A CTCAE (US) term as MedDRA writes it: British spelling, capitals. */
const british = (t: string) =>
	t
		.replace(/hem/gi, 'haem')
		.replace(/anemia/gi, 'anaemia')
		.replace(/edema/gi, 'oedema')
		.replace(/diarrhea/gi, 'diarrhoea')
		.replace(/esophag/gi, 'oesophag')
		.replace(/melena/gi, 'melaena')
		.replace(/tumor/gi, 'tumour')
		.toUpperCase();

describe('all 837 CTCAE v5.0 terms', () => {
	it('has the 837 terms', () => {
		expect(CTCAE).toHaveLength(837);
	});

	it.each(DLT_RULE_SETS.map((s) => [s.id, s] as const))('%s: only "Blood and lymphatic system disorders - Other, specify" is left to the committee as not classified', (_id, set) => {
		const unclassified = CTCAE.filter((r) => isUnclassified(set, { term: r.term!, soc: r.soc! })).map((r) => r.term);
		expect(unclassified).toEqual(['Blood and lymphatic system disorders - Other, specify']);
	});

	it('every term of the blood SOC is haematological or explicitly not, and lymph node pain is not a cytopenia', () => {
		const blood = CTCAE.filter((r) => r.soc === 'Blood and lymphatic system disorders' && !/Other, specify/.test(r.term!));
		for (const r of blood) expect(categoriesOf(r.term!, r.soc!).some((c) => c === 'hematological' || c === 'non-hematological-blood'), r.term).toBe(true);
		expect(categoriesOf('Lymph node pain', 'Blood and lymphatic system disorders')).toEqual(['non-hematological-blood']);
		expect(categoriesOf('Anemia', 'Blood and lymphatic system disorders')).toContain('hematological');
	});

	it('every haemorrhage and bleeding term is a bleeding; haemorrhoids and thrombotic thrombocytopenic purpura are not', () => {
		const bleeding = CTCAE.filter((r) => /hemorrhage|bleeding|hematoma|bruising|purpura|hematuria|epistaxis/i.test(r.term!) && !/thrombocytopenic/i.test(r.term!));
		expect(bleeding).toHaveLength(44); // CTCAE v5.0's haemorrhage, bleeding, haematoma, bruising, purpura, haematuria and epistaxis terms
		for (const r of bleeding) expect(categoriesOf(r.term!, r.soc!), r.term).toContain('bleeding');
		expect(categoriesOf('Hemorrhoids', 'Gastrointestinal disorders')).not.toContain('bleeding');
		expect(categoriesOf('Thrombotic thrombocytopenic purpura', 'Blood and lymphatic system disorders')).not.toContain('bleeding');
	});

	it('each term is classified the same in MedDRA’s British spelling and capitals', () => {
		const differ = CTCAE.filter((r) => {
			const b = british(r.term!);
			return JSON.stringify(categoriesOf(r.term!, r.soc!)) !== JSON.stringify(categoriesOf(b, r.soc!.toUpperCase())) || isUnclassified(bat, { term: r.term!, soc: r.soc! }) !== isUnclassified(bat, { term: b, soc: r.soc!.toUpperCase() });
		});
		expect(differ.map((r) => `${r.term} / ${british(r.term!)}`)).toEqual([]);
	});

	it.each(DLT_RULE_SETS.map((s) => [s.id, s] as const))('%s: every MedDRA code names the CTCAE term NCI gives it', (_id, set) => {
		const byTerm = new Map(CTCAE.map((r) => [r.term!, r.meddra_code!]));
		for (const [code, term] of Object.entries(set.codes ?? {})) expect(byTerm.get(term), term).toBe(code);
		expect(Object.keys(set.codes ?? {}).length).toBeGreaterThan(20);
	});

	it('a code alone identifies the term, whatever the text says', () => {
		expect(canonicalTerm(bat, 'NEUTROPHILS LOW', { lltCode: '10029366' })).toBe('Neutrophil count decreased');
		expect(canonicalTerm(bat, 'NEUTROPHILS LOW', { ptCode: null, lltCode: null })).toBe('NEUTROPHILS LOW');
		expect(foldTerm('HAEMORRHAGE  RECTAL')).toBe(foldTerm('Hemorrhage rectal'));
	});
});

describe('classifyTerm: the answers the engine remembers per rule set', () => {
	const facts: TermFacts[] = [
		...CTCAE.map((r) => ({ term: r.term!, soc: r.soc! })),
		...CTCAE.map((r) => ({ term: british(r.term!), soc: r.soc!.toUpperCase() })),
		{ term: 'NEUTROPHILS LOW', soc: 'Investigations', lltCode: '10029366' },
		{ term: 'NEUTROPHILS LOW', soc: 'Investigations', ptCode: null, lltCode: null }
	];
	it.each(DLT_RULE_SETS.map((s) => [s.id, s] as const))('%s: the same as asking canonicalTerm, isUnclassified and each rule, asked twice', (_id, set) => {
		for (const f of [...facts, ...facts]) {
			const c = classifyTerm(set, f);
			expect(c.canonical, f.term).toBe(canonicalTerm(set, f.term, f));
			expect(c.unclassified, f.term).toBe(isUnclassified(set, f));
			expect(c.covering.map((r) => r.id), f.term).toEqual(set.rules.filter((r) => matchesSelector(set, r.selector, f)).map((r) => r.id));
		}
	});

	it('a code changes the answer for the same text', () => {
		expect(classifyTerm(bat, facts.at(-2)!).canonical).toBe('Neutrophil count decreased');
		expect(classifyTerm(bat, facts.at(-1)!).canonical).toBe('NEUTROPHILS LOW');
	});
});

describe('every AEDECOD of the CDISC pilot (MedDRA, British spelling)', () => {
	it('none is left unclassified', () => {
		expect(pilot.filter(([term, soc]) => isUnclassified(bat, { term, soc })).map(([t]) => t)).toEqual([]);
	});

	it('the DLT-relevant ones fall where the protocol’s words put them', () => {
		const relevant = Object.fromEntries(pilot.map(([term, soc]) => [term, categoriesOf(term, soc)]).filter(([, c]) => (c as string[]).length));
		expect(relevant).toEqual({
			DIARRHOEA: ['nausea-vomiting-diarrhea'],
			NAUSEA: ['nausea-vomiting-diarrhea'],
			VOMITING: ['nausea-vomiting-diarrhea'],
			PYREXIA: ['fever'],
			'BODY TEMPERATURE INCREASED': ['fever'],
			EPISTAXIS: ['bleeding'],
			HAEMOPTYSIS: ['bleeding'],
			CONTUSION: ['bleeding'],
			'RECTAL HAEMORRHAGE': ['bleeding'],
			'WOUND HAEMORRHAGE': ['bleeding'],
			'GASTROINTESTINAL HAEMORRHAGE': ['bleeding'],
			'CONJUNCTIVAL HAEMORRHAGE': ['bleeding'],
			'APPLICATION SITE BLEEDING': ['bleeding'],
			'BLOOD URINE PRESENT': ['non-hematological-blood', 'bleeding'],
			'NEUTROPHIL COUNT INCREASED': ['non-hematological-blood'],
			'WHITE BLOOD CELL COUNT INCREASED': ['non-hematological-blood']
		});
	});
});
