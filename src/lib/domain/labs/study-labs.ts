/** A study's lab results graded, and the toxicity episodes read from its counts, from its stored records. Pure. */
import { firstExposures } from '../first-exposure';
import type { DoseAdministration, Dtc, SafetyResult, Subject } from '../types';
import { gradeResults, type GradedResult, type LabGrading } from './grade-labs';
import { labEpisodes, type LabEpisode } from './lab-episodes';

export interface StudyLabs {
	graded: GradedResult[];
	episodes: LabEpisode[];
	day1: Map<string, Dtc | null>;
}

export function studyLabs(subjects: readonly Subject[], doses: readonly DoseAdministration[], safety: readonly SafetyResult[], grading: LabGrading): StudyLabs {
	const day1 = firstExposures(subjects, doses);
	const graded = gradeResults(safety, day1, grading);
	return { graded, episodes: labEpisodes(graded, grading.countDefined), day1 };
}
