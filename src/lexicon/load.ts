// Reading and validating dictionary files. An invalid file is an error naming the file and line.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { DICTIONARY_KINDS, type DictionaryKind } from './schema.js';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export class DictionaryError extends Error {
  constructor(readonly file: string, readonly line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'DictionaryError';
  }
}

export type DictionaryData = { [K in DictionaryKind]: z.output<(typeof DICTIONARY_KINDS)[K]>[] };

export interface LoadedDictionaries {
  data: DictionaryData;
  /** sha256 over the path-free contents of every file, in load order */
  hash: string;
  files: string[];
}

/** A dictionary given as text rather than a path (library callers). */
export interface DictionarySource {
  name: string;
  text: string;
}

export function listDataFiles(dir = DATA_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function parseDictionary(source: DictionarySource, requireSources: boolean): { kind: DictionaryKind; value: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new DictionaryError(source.name, lineOf(e.pos[0]), `invalid YAML: ${e.message.split('\n')[0]}`);
  }
  if (requireSources && !/^\s*#\s*Sources:/.test(source.text)) {
    throw new DictionaryError(source.name, 1, 'the file must start with a "# Sources:" comment naming the sources checked');
  }
  const top = doc.toJS() as Record<string, unknown> | null;
  const keys = top && typeof top === 'object' ? Object.keys(top) : [];
  if (keys.length !== 1 || !(keys[0] in DICTIONARY_KINDS)) {
    throw new DictionaryError(source.name, 1, `expected exactly one top-level key, one of: ${Object.keys(DICTIONARY_KINDS).join(', ')}`);
  }
  const kind = keys[0] as DictionaryKind;
  const result = DICTIONARY_KINDS[kind].safeParse(top![kind]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [kind, ...issue.path] as (string | number)[];
    let node: unknown = undefined;
    for (let n = path.length; n > 0 && !isNode(node); n--) node = doc.getIn(path.slice(0, n), true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    throw new DictionaryError(source.name, lineOf(offset), `${path.join('.')}: ${issue.message}`);
  }
  return { kind, value: result.data };
}

export function loadDictionaries(extra: (string | DictionarySource)[] = [], dataDir = DATA_DIR): LoadedDictionaries {
  const data = Object.fromEntries(Object.keys(DICTIONARY_KINDS).map((k) => [k, []])) as unknown as DictionaryData;
  const hash = createHash('sha256');
  const files: string[] = [];
  const add = (source: DictionarySource, builtIn: boolean): void => {
    const { kind, value } = parseDictionary(source, builtIn);
    (data[kind] as unknown[]).push(value);
    hash.update(source.text).update('\0');
    files.push(source.name);
  };
  for (const path of listDataFiles(dataDir)) add({ name: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') }, true);
  for (const item of extra) {
    if (typeof item === 'string') {
      let text: string;
      try {
        text = readFileSync(item, 'utf8');
      } catch (e) {
        throw new DictionaryError(item, 0, `cannot read dictionary: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      add({ name: item, text }, false);
    } else add(item, false);
  }
  return { data, hash: hash.digest('hex'), files };
}
