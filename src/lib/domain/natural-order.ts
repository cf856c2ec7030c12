/** Natural order for codes such as dose levels: "DL2" before "DL10", case-insensitive. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
	return collator.compare(a, b);
}
