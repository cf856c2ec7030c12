/** Writes the demo studies to static/demo (run with `npm run demo:generate`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allDemos, DEMO_EXTRA_FILES } from './generate-demo';

const root = resolve(import.meta.dirname, '../../static/demo');
const index = [];
for (const d of allDemos()) {
	const dir = resolve(root, d.preset);
	mkdirSync(dir, { recursive: true });
	writeFileSync(resolve(dir, 'dm.csv'), d.dm);
	writeFileSync(resolve(dir, 'ex.csv'), d.ex);
	writeFileSync(resolve(dir, 'ae.csv'), d.ae);
	const extra = DEMO_EXTRA_FILES.filter((f) => d[f]);
	for (const f of extra) writeFileSync(resolve(dir, `${f}.csv`), d[f]!);
	index.push({ preset: d.preset, dataCutoff: d.dataCutoff, description: d.description, ...(extra.length ? { files: extra } : {}) });
}
writeFileSync(resolve(root, 'index.json'), JSON.stringify(index, null, '\t') + '\n');
console.log(`wrote ${index.length} demo studies to ${root}`);
