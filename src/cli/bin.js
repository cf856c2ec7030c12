#!/usr/bin/env node
// The `dosewatch` bin entry: runs the TypeScript command through tsx, as `npm run dosewatch` does.
import { register } from 'tsx/esm/api';

register();
// A computed specifier: the TypeScript entry is loaded by tsx at run time, not resolved by the type checker.
const entry = new URL('./main.ts', import.meta.url).href;
await import(entry);
