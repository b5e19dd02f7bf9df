// Event patterns ("accuse X of", "call on X to", "impose sanctions [on|against] X") compiled into
// small sequences matched against tokens, indexed by the lemma of their first word.
import type { EventPattern } from './schema.js';

export type Element =
  | { k: 'word'; words: Set<string>; optional: boolean }
  | { k: 'slot'; slot: 'X' | 'S' }
  | { k: 'gap' };

export interface CompiledPattern {
  source: EventPattern;
  head: string;
  elements: Element[];
  /** a noun frame: the head is a noun, and S names the source */
  nounFrame: boolean;
  hasTarget: boolean;
  /** literal words, for preferring the most specific of several matches */
  specificity: number;
}

export class PatternError extends Error {}

export function compilePattern(p: EventPattern): CompiledPattern {
  const parts: string[] = p.pattern.trim().toLowerCase().match(/\[[^\]]+\]|\([^)]+\)|\S+/g) ?? [];
  if (!parts.length || /^[[(*]|^[xs]$/.test(parts[0])) throw new PatternError(`pattern "${p.pattern}" must start with a verb or noun`);
  const elements: Element[] = [];
  for (const part of parts.slice(1)) {
    if (part === 'x' || part === 's') elements.push({ k: 'slot', slot: part.toUpperCase() as 'X' | 'S' });
    else if (part === '*') elements.push({ k: 'gap' });
    else if (part.startsWith('(')) elements.push({ k: 'word', words: new Set(part.slice(1, -1).split('|').map((w) => w.trim())), optional: true });
    else if (part.startsWith('[')) elements.push({ k: 'word', words: new Set(part.slice(1, -1).split('|').map((w) => w.trim())), optional: false });
    else elements.push({ k: 'word', words: new Set([part.replace(/’/g, "'")]), optional: false });
  }
  const nounFrame = elements.some((e) => e.k === 'slot' && e.slot === 'S');
  return {
    source: p, head: parts[0].replace(/’/g, "'"), elements, nounFrame,
    hasTarget: elements.some((e) => e.k === 'slot' && e.slot === 'X'),
    specificity: elements.filter((e) => e.k === 'word' && !e.optional).length * 2 + elements.filter((e) => e.k === 'slot').length,
  };
}

export function indexPatterns(patterns: EventPattern[]): Map<string, CompiledPattern[]> {
  const index = new Map<string, CompiledPattern[]>();
  for (const p of patterns) {
    const c = compilePattern(p);
    index.set(c.head, [...(index.get(c.head) ?? []), c]);
  }
  for (const list of index.values()) list.sort((a, b) => b.specificity - a.specificity);
  return index;
}
