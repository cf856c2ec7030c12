/**
 * The study presets: one JSON file per protocol in ./studies, each holding the protocol's own words beside the
 * reading DoseWatch makes of them. Validated on load, so a broken preset fails the tests, not a meeting.
 */
import * as v from 'valibot';
import type { Study } from '../domain/types';
import { StudySchema } from '../io/record-schemas';
import bat from './studies/bat4706-bat1308.json' with { type: 'json' };
import gentuximab from './studies/gentuximab.json' with { type: 'json' };
import sknk from './studies/sk-nk.json' with { type: 'json' };

const PresetSchema = v.object({
	id: v.string(),
	version: v.number(),
	protocolFile: v.string(),
	notes: v.array(v.object({ field: v.string(), protocol: v.string(), reading: v.string() })),
	study: v.omit(StudySchema, ['id', 'presetId', 'isDemo', 'createdAt', 'dataCutoff'])
});

export type StudyPreset = v.InferOutput<typeof PresetSchema>;

export const STUDY_PRESETS: StudyPreset[] = [bat, gentuximab, sknk].map((p) => v.parse(PresetSchema, p));

export function findPreset(id: string): StudyPreset | undefined {
	return STUDY_PRESETS.find((p) => p.id === id);
}

export function createStudyFromPreset(
	preset: StudyPreset,
	options: { id: string; now: string; isDemo: boolean; dataCutoff?: string | null }
): Study {
	return {
		...structuredClone(preset.study),
		id: options.id,
		presetId: preset.id,
		isDemo: options.isDemo,
		createdAt: options.now,
		dataCutoff: options.dataCutoff ?? null
	};
}
