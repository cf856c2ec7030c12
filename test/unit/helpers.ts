import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SourceFile } from '../../src/lib/io/import-types';

export const SHARED = resolve(__dirname, '../../../shared');
export const PILOT = resolve(SHARED, 'data/cdiscpilot01');

if (!existsSync(PILOT)) {
	throw new Error(`The reference data is missing: expected ${PILOT}. Tests read ../shared/data beside the checkout.`);
}

export function source(path: string): SourceFile {
	return { name: basename(path), text: readFileSync(path, 'utf8') };
}

export function pilotFiles() {
	return {
		dm: source(resolve(PILOT, 'dm.csv')),
		ex: source(resolve(PILOT, 'ex.csv')),
		ae: source(resolve(PILOT, 'ae.csv'))
	};
}
