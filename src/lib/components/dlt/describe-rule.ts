/** A rule's machine condition in words, shown beside the protocol's sentence so a reader can check the two. */
import type { DltRule, TermSelector } from '$lib/domain/dlt/rule-types';

function selectorText(s: TermSelector): string {
	const parts: string[] = [];
	if (s.categories?.length) parts.push(`in ${s.categories.join(' or ')}`);
	if (s.terms?.length) parts.push(`term ${s.terms.join(' or ')}`);
	if (s.notCategories?.length) parts.push(`not ${s.notCategories.join(' or ')}`);
	if (s.excludeCategories?.length) parts.push(`except ${s.excludeCategories.join(', ')}`);
	return parts.length ? parts.join('; ') : 'any term';
}

export function describeRule(rule: DltRule): string {
	const parts = [selectorText(rule.selector)];
	parts.push(rule.grade.max === rule.grade.min ? `grade ${rule.grade.min}` : `grade ≥ ${rule.grade.min}${rule.grade.max ? ` and ≤ ${rule.grade.max}` : ''}`);
	if (rule.duration) parts.push(`at grade ≥ ${rule.duration.atLeastGrade} for ≥ ${rule.duration.days} days`);
	if (rule.concurrent) parts.push(`with ${rule.concurrent.category} overlapping`);
	for (const e of rule.exceptions ?? [])
		parts.push(`unless ${selectorText(e.selector)}${e.requiresTreatment ? ' with treatment (AECONTRT = Y)' : ''} relieved within ${e.withinHours} h (exception ${e.id})`);
	return parts.join('; ');
}
