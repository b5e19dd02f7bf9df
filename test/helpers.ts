// Shared by the tests: one compiled lexicon, case files, and the contract's invariants.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyze, getLexicon, Analysis as AnalysisSchema, type Analysis, type MetaInput } from '../src/index.js';

export const lexicon = getLexicon();
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

export function run(text: string, meta: MetaInput = {}): Analysis {
  const a = analyze(text, meta, { lexicon });
  checkContract(a, text);
  return a;
}

/** Every analysis satisfies the schema, and every span's text is the article's slice. */
export function checkContract(a: Analysis, text: string): void {
  AnalysisSchema.parse(a);
  const spans = [
    ...a.actors, ...a.quotes, ...a.places, ...a.framing, ...a.dates, ...a.references,
    ...a.quotes.flatMap((q) => [q.cue, q.speaker].filter((s) => s !== null)),
    ...a.events.flatMap((e) => [e.trigger, e.source_mention, e.target_mention].filter((s) => s !== null)),
  ];
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, `span ${s.start}-${s.end}`);
}

export function loadCases<T>(name: string): T[] {
  return (parse(readFileSync(new URL(`./cases/${name}.yaml`, import.meta.url), 'utf8')) as { cases: T[] }).cases;
}

/** Offset of the nth (1-based) occurrence of `needle` in `text`. */
export function offsetOf(text: string, needle: string, nth = 1): number {
  let at = -1;
  for (let n = 0; n < nth; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in case text`);
  }
  return at;
}

/** A file from ../shared, which tests must not skip under CI. */
export function sharedFile(rel: string): string | null {
  const path = SHARED + rel;
  if (existsSync(path)) return path;
  if (process.env.CI) throw new Error(`${path} is missing, and CI is set: the shared suites must be present`);
  return null;
}

export const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined || v === null ? null : String(v));
