/**
 * Turns SDTM DM, EX, DS and AE files (or ADaM ADSL and ADAE, whose columns overlap), and LB, VS and EG, into
 * DoseWatch records and a problem report, one reader per domain file (read-dm, read-ex, read-ds, read-ae,
 * read-safety) over one column-mapping
 * module. Pure: nothing is written here. The app shows the plan as a preview and writes it in one transaction
 * only when it has no errors and the user confirms; the headless `dosewatch validate` prints the same report.
 * A new domain is a new reader.
 */
import { DEFAULT_DLT_WINDOW } from '../../domain/dlt-window';
import { SAFETY_DOMAINS, type SafetyDomain, type Study } from '../../domain/types';
import type { ImportPlan, Problem, ColumnMapping, SourceFile } from '../import-types';
import { createImportContext, type ImportOptions } from './context';
import { readAe } from './read-ae';
import { readDm } from './read-dm';
import { readDs } from './read-ds';
import { applyExposure, readEx } from './read-ex';
import { readSafety } from './read-safety';

export type { ImportOptions };

export interface ImportFiles {
	dm: SourceFile;
	ex?: SourceFile | undefined;
	ae?: SourceFile | undefined;
	/** Disposition: early discontinuations (optional). */
	ds?: SourceFile | undefined;
	/** Safety results (optional): labs (SUPPLB merged), vital signs, ECG. */
	lb?: SourceFile | undefined;
	vs?: SourceFile | undefined;
	eg?: SourceFile | undefined;
	/** Immunogenicity samples (anti-drug antibodies). */
	is?: SourceFile | undefined;
	/** Tumour responses (RECIST). */
	rs?: SourceFile | undefined;
	tr?: SourceFile | undefined;
}

function emptyStudy(id: string, now: string): Study {
	return {
		id,
		title: 'Imported study',
		protocolRef: '',
		presetId: null,
		drugs: [],
		doseLevels: [],
		schedule: {
			cycleLengthDays: 21,
			dosingDays: [1],
			maxCycles: null,
			phases: [],
			description: 'Not given in the imported files; set it in the study settings.'
		},
		dltWindow: { ...DEFAULT_DLT_WINDOW },
		design: { kind: '3+3', deescalation: true },
		dltRuleSet: 'generic',
		teaeWindowDays: 30,
		dataCutoff: null,
		isDemo: false,
		createdAt: now
	};
}

export function planImport(files: ImportFiles, options: ImportOptions): ImportPlan {
	const problems: Problem[] = [];
	const mappings: ColumnMapping[] = [];
	const study: Study = options.target ? structuredClone(options.target) : emptyStudy(options.newStudyId, options.now);
	const plan: ImportPlan = {
		study,
		isNewStudy: options.target === null,
		subjects: [],
		doses: [],
		aes: [],
		safety: [],
		problems,
		mappings,
		counts: {
			subjects: 0,
			doses: 0,
			aes: 0,
			doseLevels: 0,
			untreatedSubjects: 0,
			discontinued: 0,
			gradeFromSeverity: 0,
			partialStartDates: 0,
			ongoing: 0,
			beforeFirstDose: 0,
			safety: { LB: 0, VS: 0, EG: 0, IS: 0, RS: 0, TR: 0 }
		}
	};


	const c = createImportContext(plan, options);
	const warn = c.warn;
	for (const f of [files.dm, files.ex, files.ae, files.ds, files.lb, files.vs, files.eg, files.is, files.rs, files.tr]) if (f?.encodingWarning) warn(f.name, null, null, f.encodingWarning);
	const dmRead = readDm(c, files.dm);
	if (!dmRead) return plan;
	const { subjects, dmFile } = dmRead;
	const dosesBySubject = readEx(c, files.ex, subjects, dmFile);
	applyExposure(c, Boolean(files.ex), subjects, dosesBySubject);
	readDs(c, files.ds, subjects);
	readAe(c, files.ae, subjects, dosesBySubject, dmFile);
	const fileOf = (d: SafetyDomain) => files[d.toLowerCase() as Lowercase<SafetyDomain>];
	plan.safetyDomains = SAFETY_DOMAINS.filter(fileOf);
	for (const domain of SAFETY_DOMAINS) {
		const read = readSafety(c, domain, fileOf(domain), subjects, dmFile);
		plan.counts.safety[domain] = read.length;
		for (const r of read) plan.safety.push(r);
	}

	plan.subjects = [...subjects.values()];
	if (plan.isNewStudy && study.drugs.length === 0) {
		warn(files.dm.name, null, null, 'no dose records (EX) were given: the study has no drugs and subjects have no day 1');
	}
	plan.counts.subjects = plan.subjects.length;
	plan.counts.doses = plan.doses.length;
	plan.counts.aes = plan.aes.length;
	plan.counts.doseLevels = study.doseLevels.length;
	plan.counts.untreatedSubjects = plan.subjects.filter((s) => s.doseLevel === null || s.status === 'not_treated').length;
	plan.counts.discontinued = plan.subjects.filter((s) => s.discontinued).length;
	return plan;
}
