/**
 * CTCAE v5.0 lab grading as data: admiral's criteria (SI and US conventional units; Apache-2.0, see
 * lab-grading/LICENSE-admiral.md) with NCI's grade texts beside each expression, DoseWatch's default mapping from
 * LBTESTCD to term, and the unit synonyms and conversions. Compiled once.
 */
import si from './lab-grading/ctcae-v5-si.json' with { type: 'json' };
import us from './lab-grading/ctcae-v5-uscv.json' with { type: 'json' };
import mapping from './lab-grading/test-mapping.json' with { type: 'json' };
import units from './lab-grading/units.json' with { type: 'json' };
import limits from './lab-grading/vital-ecg-limits.json' with { type: 'json' };
import { compileCriteria, type LabCriterionRow, type LabGrading } from '../domain/labs/grade-labs';
import type { QtcfLimits, VitalLimit } from '../domain/labs/vitals-ecg';

export const CTCAE_LAB_GRADING: LabGrading = {
	criteria: [...compileCriteria(si as LabCriterionRow[], 'SI'), ...compileCriteria(us as LabCriterionRow[], 'US')],
	mapping: mapping.tests,
	units: { synonyms: units.synonyms, conversions: units.conversions },
	countDefined: mapping.countDefined.terms
};

/** DoseWatch's default limits for an abnormal vital sign and the ICH E14 QTcF categories (lab-grading/vital-ecg-limits.json). */
export const VITAL_ECG_LIMITS: { vitals: VitalLimit[]; qtcf: QtcfLimits; source: string } = { vitals: limits.vitals, qtcf: limits.qtcf, source: limits.source };

/** The limits a study uses: its own when it set them, else DoseWatch's defaults. */
export function safetyLimitsOf(study: { safetyLimits?: { vitals: VitalLimit[]; qtcf: QtcfLimits } | undefined }): { vitals: VitalLimit[]; qtcf: QtcfLimits } {
	return study.safetyLimits ?? VITAL_ECG_LIMITS;
}
