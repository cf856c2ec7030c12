/**
 * Keyboard access to charts with many marks: one focus target per group (a dose level's strip, a subject's lane)
 * that the arrow keys move between the group's marks. Pure; the chart keeps each group's current mark.
 */

export interface RovingMark {
	/** Horizontal position: marks are read left to right. */
	x: number;
	key: string;
}

/** A group's marks in reading order: left to right, then by key. */
export function readingOrder<T extends RovingMark>(marks: readonly T[]): T[] {
	return [...marks].sort((a, b) => a.x - b.x || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Where a key moves the focus target: Left/Right to the previous or next mark of the group, Home/End to its
 * first or last, Up/Down to the mark of the group above or below nearest in x (groups without marks are skipped).
 * Null when the key does not move it (an edge, or another key).
 */
export function stepMark(groups: readonly (readonly RovingMark[])[], group: number, key: string, pressed: string): { group: number; key: string } | null {
	const ordered = readingOrder(groups[group] ?? []);
	const i = ordered.findIndex((m) => m.key === key);
	if (i < 0) return null;
	const at = (j: number) => (j >= 0 && j < ordered.length && j !== i ? { group, key: ordered[j]!.key } : null);
	if (pressed === 'ArrowRight') return at(i + 1);
	if (pressed === 'ArrowLeft') return at(i - 1);
	if (pressed === 'Home') return at(0);
	if (pressed === 'End') return at(ordered.length - 1);
	if (pressed !== 'ArrowUp' && pressed !== 'ArrowDown') return null;
	const dir = pressed === 'ArrowDown' ? 1 : -1;
	const x = ordered[i]!.x;
	for (let g = group + dir; g >= 0 && g < groups.length; g += dir) {
		const marks = groups[g]!;
		if (!marks.length) continue;
		const near = readingOrder(marks).reduce((best, m) => (Math.abs(m.x - x) < Math.abs(best.x - x) ? m : best));
		return { group: g, key: near.key };
	}
	return null;
}
