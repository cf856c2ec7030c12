#!/usr/bin/env node
// The `dosewatch` bin entry: runs the TypeScript command through tsx, as `npm run dosewatch` does.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
