/**
 * Valibot schemas of the stored records: what a backup must hold before it may replace the database.
 * They mirror src/lib/domain/types.ts; the `satisfies` checks below keep the two in step.
 */
import * as v from 'valibot';
import { RELATEDNESS, SAFETY_DOMAINS, SERIOUS_CRITERIA, SUBJECT_STATUSES } from '../domain/types';
import type { Adjudication, AdverseEvent, AuditEntry, DoseAdministration, Meeting, ReviewerProfile, Study, Subject } from '../domain/types';
import type { LabEpisode } from '../domain/types';
import type { BenefitRiskRow } from '../domain/benefit-risk';
import type { DltRuleSet } from '../domain/dlt/rule-types';

const dtc = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?)?)?$|^\d{4}---\d{2}$/, 'is not an ISO 8601 date'));
const grade = v.picklist([1, 2, 3, 4, 5] as const);
const relatedness = v.nullable(v.picklist(RELATEDNESS));
const source = v.optional(v.object({ file: v.string(), row: v.number() }));

export const StudySchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1)),
	title: v.string(),
	protocolRef: v.string(),
	sdtmStudyId: v.optional(v.nullable(v.string())),
	presetId: v.nullable(v.string()),
	drugs: v.array(v.strictObject({ code: v.string(), name: v.string(), placebo: v.optional(v.boolean()) })),
	doseLevels: v.array(
		v.object({
			code: v.string(),
			label: v.string(),
			doses: v.array(v.object({ drug: v.string(), amount: v.number(), unit: v.string() })),
			control: v.optional(v.boolean())
		})
	),
	schedule: v.object({
		cycleLengthDays: v.number(),
		dosingDays: v.array(v.number()),
		maxCycles: v.nullable(v.number()),
		phases: v.array(
			v.object({
				fromCycle: v.number(),
				toCycle: v.nullable(v.number()),
				drugs: v.array(v.string()),
				dosingDays: v.array(v.number())
			})
		),
		description: v.string()
	}),
	dltWindow: v.object({
		cycle: v.number(),
		startDay: v.number(),
		endDay: v.number(),
		protocol: v.optional(v.nullable(v.string())),
		reading: v.optional(v.string()),
		confirmed: v.optional(v.nullable(v.object({ by: v.string(), at: v.string(), reason: v.string() })))
	}),
	design: v.variant('kind', [
		v.object({ kind: v.literal('3+3'), deescalation: v.boolean() }),
		v.object({
			kind: v.literal('boin'),
			target: v.number(),
			elimination: v.boolean(),
			stopWhenDeescalationImpossible: v.boolean()
		})
	]),
	dltRuleSet: v.string(),
	teaeWindowDays: v.nullable(v.number()),
	dataCutoff: v.nullable(v.pipe(v.string(), v.isoDate())),
	labMapping: v.optional(v.record(v.string(), v.strictObject({ low: v.optional(v.nullable(v.string())), high: v.optional(v.nullable(v.string())) }))),
	adaCutPoint: v.optional(v.nullable(v.strictObject({ value: v.number(), source: v.string() }))),
	responseSettings: v.optional(v.strictObject({ evaluator: v.string(), confirmMinDays: v.pipe(v.number(), v.integer(), v.minValue(1)), sdMinDays: v.pipe(v.number(), v.integer(), v.minValue(1)), maxNeBetween: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
	safetyLimits: v.optional(
		v.strictObject({
			vitals: v.array(v.strictObject({ testcd: v.string(), label: v.string(), unit: v.string(), high: v.optional(v.number()), low: v.optional(v.number()), words: v.string() })),
			qtcf: v.strictObject({ above: v.array(v.number()), increase: v.array(v.number()), words: v.string() })
		})
	),
	isDemo: v.boolean(),
	createdAt: v.string()
});

export const SubjectSchema = v.strictObject({
	studyId: v.string(),
	usubjid: v.pipe(v.string(), v.minLength(1)),
	doseLevel: v.nullable(v.string()),
	site: v.string(),
	sex: v.picklist(['F', 'M', 'U', ''] as const),
	age: v.nullable(v.number()),
	enrolled: v.nullable(dtc),
	status: v.picklist(SUBJECT_STATUSES),
	discontinued: v.optional(v.nullable(v.object({ date: dtc, reason: v.string() }))),
	death: v.optional(v.nullable(v.object({ date: v.nullable(dtc), source: v.string() }))),
	refStart: v.nullable(dtc),
	source
});

export const DoseSchema = v.strictObject({
	studyId: v.string(),
	usubjid: v.string(),
	seq: v.pipe(v.number(), v.integer()),
	drug: v.string(),
	start: dtc,
	end: v.nullable(dtc),
	dose: v.number(),
	unit: v.string(),
	cycle: v.nullable(v.number()),
	day: v.nullable(v.number()),
	source
});

export const SafetyResultSchema = v.strictObject({
	studyId: v.string(),
	usubjid: v.string(),
	domain: v.picklist(SAFETY_DOMAINS),
	seq: v.pipe(v.number(), v.integer()),
	testcd: v.string(),
	test: v.string(),
	category: v.string(),
	value: v.nullable(v.number()),
	text: v.string(),
	unit: v.string(),
	low: v.nullable(v.number()),
	high: v.nullable(v.number()),
	nrind: v.string(),
	baselineFlag: v.boolean(),
	date: v.nullable(dtc),
	visit: v.string(),
	position: v.optional(v.string()),
	timepoint: v.optional(v.string()),
	evaluator: v.optional(v.string()),
	accepted: v.optional(v.boolean()),
	group: v.optional(v.string()),
	source
});

export const AeSchema = v.strictObject({
	id: v.optional(v.string()),
	spid: v.optional(v.nullable(v.string())),
	studyId: v.string(),
	usubjid: v.string(),
	aeseq: v.pipe(v.number(), v.integer()),
	verbatim: v.string(),
	term: v.string(),
	soc: v.string(),
	ptCode: v.optional(v.nullable(v.string())),
	lltCode: v.optional(v.nullable(v.string())),
	grade: v.nullable(grade),
	gradeDerived: v.boolean(),
	gradeHistory: v.array(v.object({ grade, from: dtc })),
	start: v.nullable(dtc),
	end: v.nullable(dtc),
	serious: v.nullable(v.boolean()),
	seriousCriteria: v.array(v.picklist(SERIOUS_CRITERIA.map((c) => c.code))),
	attribution: v.record(v.string(), relatedness),
	attributionHistory: v.array(
		v.object({
			drug: v.string(),
			at: v.string(),
			by: v.string(),
			from: relatedness,
			to: relatedness,
			recorded: v.optional(v.string()),
			reason: v.string()
		})
	),
	action: v.string(),
	outcome: v.string(),
	treated: v.nullable(v.boolean()),
	notes: v.string(),
	rev: v.number(),
	source
});

const auditFields = {
	at: v.string(),
	who: v.string(),
	studyId: v.nullable(v.string()),
	entity: v.picklist(['study', 'subject', 'dose', 'ae', 'database', 'adjudication', 'rules', 'meeting', 'reviewer'] as const),
	key: v.string(),
	action: v.picklist(['create', 'update', 'delete', 'import', 'restore', 'clear', 'adjudicate', 'sign'] as const),
	before: v.unknown(),
	after: v.unknown(),
	reason: v.string()
};
const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 hash'));
const uuid = v.pipe(v.string(), v.minLength(1));

/** Schema 4 on: a sealed entry of the hash chain. */
export const AuditSchema = v.strictObject({
	id: uuid,
	chain: v.string(),
	seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
	prev: hex64,
	hash: hex64,
	...auditFields
});
/** Schemas 1–3. */
export const LegacyAuditSchema = v.strictObject({ id: v.optional(v.number()), ...auditFields });

const signature = v.strictObject({
	signerId: v.string(),
	name: v.string(),
	role: v.string(),
	meaning: v.string(),
	at: v.string(),
	contentHash: hex64,
	value: v.string(),
	publicKey: v.custom<JsonWebKey>((x) => typeof x === 'object' && x !== null, 'is not a public key')
});

const adjudicationFields = {
	studyId: v.string(),
	usubjid: v.string(),
	aeseq: v.number(),
	decision: v.picklist(['dlt', 'not_dlt', 'withdrawn'] as const),
	reason: v.string(),
	by: v.string(),
	at: v.string(),
	engineVerdict: v.picklist(['dlt', 'not_dlt', 'pending'] as const),
	engineRule: v.nullable(v.string()),
	engineReason: v.string(),
	ruleSet: v.strictObject({ id: v.string(), version: v.number() })
};
const basis = v.strictObject({
	term: v.string(),
	grade: v.nullable(grade),
	start: v.nullable(v.string()),
	end: v.nullable(v.string()),
	attribution: v.record(v.string(), relatedness)
});
export const AdjudicationSchema = v.strictObject({
	id: uuid,
	aeId: v.optional(v.string()),
	basis: v.optional(basis),
	signature: v.optional(signature),
	...adjudicationFields
});
export const LegacyAdjudicationSchema = v.strictObject({ id: v.optional(v.number()), ...adjudicationFields });

export const ReviewerProfileSchema = v.strictObject({
	id: uuid,
	name: v.string(),
	role: v.string(),
	publicKey: v.custom<JsonWebKey>((x) => typeof x === 'object' && x !== null, 'is not a public key'),
	wrappedKey: v.string(),
	salt: v.string(),
	iv: v.string(),
	iterations: v.number(),
	createdAt: v.string()
});

/** A stored rule set is checked in full by DltRuleSetSchema when it is used; here its envelope. */
export const StoredRuleSetSchema = v.strictObject({
	key: v.string(),
	studyId: v.string(),
	ruleSet: v.looseObject({ id: v.string(), version: v.number(), rules: v.array(v.unknown()) }),
	savedBy: v.string(),
	savedAt: v.string(),
	reason: v.string()
});

const escalationDecision = v.variant('kind', [
	v.object({ kind: v.literal('next_cohort'), doseLevel: v.string() }),
	v.object({ kind: v.literal('stop'), mtd: v.nullable(v.string()) })
]);
/** A frozen benefit–risk row: its shape checked, its readings kept as signed. */
const benefitRiskEnvelope = v.looseObject({
	doseLevel: v.string(),
	dlt: v.strictObject({ dlts: v.number(), evaluable: v.number(), pending: v.number() }),
	labs: v.strictObject({ graded: v.number(), grade3OrWorse: v.number(), grade4: v.number(), terms: v.array(v.string()) }),
	participants: v.array(v.looseObject({ usubjid: v.string(), dlt: v.string() }))
});
const labEpisodeEnvelope = v.looseObject({ usubjid: v.string(), testcd: v.string(), term: v.string(), key: v.number(), draws: v.array(v.unknown()), longest: v.looseObject({ aeseq: v.number() }), shortest: v.looseObject({ aeseq: v.number() }) });
const ruleSetEnvelope = v.looseObject({ id: v.string(), version: v.number(), rules: v.array(v.unknown()) });
const verdict = v.picklist(['dlt', 'not_dlt', 'pending'] as const);

const meetingFields = <A extends v.GenericSchema>(adjudication: A) => ({
	studyId: v.string(),
	date: v.pipe(v.string(), v.isoDate()),
	cutoff: v.pipe(v.string(), v.isoDate()),
	attendees: v.array(v.string()),
	doseLevels: v.array(v.string()),
	decision: v.nullable(escalationDecision),
	decisionReason: v.string(),
	minutes: v.string(),
	createdBy: v.string(),
	createdAt: v.string(),
	signedBy: v.nullable(v.string()),
	deferrals: v.optional(v.array(v.object({ key: v.string(), reason: v.string() }))),
	signedAt: v.nullable(v.string()),
	snapshot: v.nullable(
		v.object({
			takenAt: v.string(),
			study: StudySchema,
			subjects: v.array(SubjectSchema),
			doses: v.array(DoseSchema),
			aes: v.array(AeSchema),
			adjudications: v.array(adjudication),
			ruleSet: v.custom<DltRuleSet>((x) => v.is(ruleSetEnvelope, x), 'is not a DLT rule set'),
			ruleSetVersions: v.optional(v.array(v.custom<DltRuleSet>((x) => v.is(ruleSetEnvelope, x), 'is not a DLT rule set'))),
			labEpisodes: v.optional(v.array(v.custom<LabEpisode>((x) => v.is(labEpisodeEnvelope, x), 'is not a lab episode'))),
			safetyOutcomes: v.optional(
				v.array(v.strictObject({ outcome: v.string(), definition: v.string(), cells: v.record(v.string(), v.strictObject({ of: v.nullable(v.number()), abnormal: v.number() })) }))
			),
			benefitRisk: v.optional(v.array(v.custom<BenefitRiskRow>((x) => v.is(benefitRiskEnvelope, x), 'is not a benefit–risk row'))),
			verdicts: v.record(v.string(), verdict),
			recommendation: v.intersect([escalationDecision, v.object({ reason: v.string() })])
		})
	),
	rev: v.number()
});
const chainHead = v.strictObject({ chain: v.string(), seq: v.number(), hash: hex64 });
export const MeetingSchema = v.strictObject({
	id: uuid,
	...meetingFields(AdjudicationSchema),
	chainHead: v.optional(v.nullable(chainHead)),
	signature: v.optional(v.nullable(signature))
});
export const LegacyMeetingSchema = v.strictObject({ id: v.optional(v.number()), ...meetingFields(LegacyAdjudicationSchema) });


// Compile-time checks that the schemas produce the domain types.
type Check<A, B> = A extends B ? (B extends A ? true : never) : never;
const _study: Check<v.InferOutput<typeof StudySchema>, Study> = true;
const _subject: Check<v.InferOutput<typeof SubjectSchema>, Subject> = true;
const _dose: Check<v.InferOutput<typeof DoseSchema>, DoseAdministration> = true;
const _ae: Check<v.InferOutput<typeof AeSchema>, AdverseEvent> = true;
const _audit: Check<v.InferOutput<typeof AuditSchema>, AuditEntry> = true;
const _adjudication: Check<v.InferOutput<typeof AdjudicationSchema>, Adjudication> = true;
const _meeting: Check<v.InferOutput<typeof MeetingSchema>, Meeting> = true;
const _reviewer: Check<v.InferOutput<typeof ReviewerProfileSchema>, ReviewerProfile> = true;
export const schemaChecks = [_study, _subject, _dose, _ae, _audit, _adjudication, _meeting, _reviewer];

/** "aes[12].grade: Invalid type: Expected (1 | 2 | 3 | 4 | 5) but received 7" */
export function describeIssue(table: string, index: number, issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
	return `${table}[${index}]${path ? '.' + path : ''}: ${issue.message}`;
}
