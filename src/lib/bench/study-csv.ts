/**
 * A generated study written as the three SDTM files DoseWatch imports (DM, EX, AE), for the import benchmark
 * and the fault tests that need a large import.
 */
import Papa from 'papaparse';
import type { GeneratedStudy } from './generate-study';

const REL_WORDS = { not_related: 'NOT RELATED', unlikely: 'UNLIKELY RELATED', possible: 'POSSIBLY RELATED', probable: 'PROBABLY RELATED', definite: 'DEFINITELY RELATED' };

export function studyToSdtmCsv(g: GeneratedStudy): { dm: string; ex: string; ae: string } {
	const studyid = 'BENCH01';
	const dm = Papa.unparse(
		g.subjects.map((s) => ({
			STUDYID: studyid, DOMAIN: 'DM', USUBJID: s.usubjid, SUBJID: s.usubjid.slice(-5), RFSTDTC: '', RFICDTC: s.enrolled ?? '', SITEID: s.site,
			AGE: s.age ?? '', AGEU: 'YEARS', SEX: s.sex, ARMCD: s.doseLevel ?? '', ARM: s.doseLevel ?? '', ACTARMCD: s.doseLevel ?? '', ACTARM: s.doseLevel ?? ''
		}))
	);
	const ex = Papa.unparse(
		g.doses.map((d) => ({
			STUDYID: studyid, DOMAIN: 'EX', USUBJID: d.usubjid, EXSEQ: d.seq, EXTRT: d.drug, EXDOSE: d.dose, EXDOSU: d.unit, VISIT: `CYCLE ${d.cycle ?? ''} DAY ${d.day ?? ''}`,
			EXSTDTC: d.start, EXENDTC: d.end ?? ''
		}))
	);
	const ae = Papa.unparse(
		g.aes.map((a) => ({
			STUDYID: studyid, DOMAIN: 'AE', USUBJID: a.usubjid, AESEQ: a.aeseq, AETERM: a.verbatim, AEDECOD: a.term, AEBODSYS: a.soc, AETOXGR: a.grade ?? '', AESEV: '',
			AESER: a.serious ? 'Y' : 'N', AEREL: a.attribution.X ? REL_WORDS[a.attribution.X] : '', AECONTRT: a.treated ? 'Y' : 'N', AEOUT: '', AESTDTC: a.start ?? '', AEENDTC: a.end ?? '',
			AEGRHIST: a.gradeHistory.map((h) => `${h.grade}@${h.from}`).join(';')
		}))
	);
	return { dm, ex, ae };
}
