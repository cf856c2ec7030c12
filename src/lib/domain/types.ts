/**
 * The DoseWatch data model. Plain data only: these records are what IndexedDB stores, what a backup holds and
 * what the headless command reads. Dates are kept exactly as recorded (ISO 8601, possibly partial: "2012-02",
 * "2003", "2025-03-04T10:15"); see partial-date.ts for the maths on them.
 * One file per entity in ./model (study, subject, dose, adverse event with its key, adjudication, meeting, audit,
 * rule set with the verdict types); this file gathers them.
 */
export * from './model/common';
export * from './model/attribution';
export * from './model/study';
export * from './model/subject';
export * from './model/dose';
export * from './model/adverse-event';
export * from './model/audit';
export * from './model/adjudication';
export * from './model/meeting';
export * from './model/rule-set';
export * from './model/signature';
export * from './model/lab';
export * from './model/benefit-risk';
