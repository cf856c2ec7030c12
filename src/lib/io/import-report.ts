/**
 * The import problem report as text, for the headless command. The app's preview shows the same plan
 * (counts, column mapping, problems) as tables.
 */
import { formatProblem, type ImportPlan } from './import-types';

export function importReportText(plan: ImportPlan): string {
	const c = plan.counts;
	const errors = plan.problems.filter((p) => p.severity === 'error');
	const warnings = plan.problems.filter((p) => p.severity === 'warning');
	const lines = [
		`Study: ${plan.study.title}${plan.isNewStudy ? ' (new)' : ''}`,
		`Records: ${c.subjects} subjects, ${c.doses} dose records, ${c.aes} adverse events, ${c.doseLevels} dose levels`,
		`Notes: ${c.untreatedSubjects} subjects not treated or screen failures; ${c.discontinued ? `${c.discontinued} left the study early (DS); ` : ''}${c.gradeFromSeverity} grades derived from AESEV; ` +
			`${c.partialStartDates} partial onset dates kept as recorded; ${c.ongoing} AEs without an end date; ` +
			`${c.beforeFirstDose} AEs starting before the first dose`,
		'',
		'Column mapping:'
	];
	for (const m of plan.mappings) {
		const read = m.fields.filter((f) => f.column).map((f) => `${f.field}←${f.column}`);
		lines.push(`  ${m.file} (${m.domain}): ${read.join(', ')}`);
		if (m.ignored.length) lines.push(`    not read: ${m.ignored.join(', ')}`);
	}
	lines.push('');
	if (errors.length === 0 && warnings.length === 0) lines.push('No problems found.');
	if (errors.length) {
		lines.push(`${errors.length} error(s): nothing would be written until they are fixed.`);
		for (const p of errors) lines.push(`  ERROR ${formatProblem(p)}`);
	}
	if (warnings.length) {
		lines.push(`${warnings.length} warning(s):`);
		for (const p of warnings) lines.push(`  warning ${formatProblem(p)}`);
	}
	return lines.join('\n') + '\n';
}
