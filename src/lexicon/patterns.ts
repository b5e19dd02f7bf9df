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
  /** event nouns only: words one of which must stand before the noun in its phrase */
  modifiers: Set<string>;
  hasTarget: boolean;
  /** literal words, for preferring the most specific of several matches */
  specificity: number;
  /** the words of each literal element that must appear (one of each) in the sentence: a cheap test before matching */
  required: string[][];
}

export class PatternError extends Error {}

export function compilePattern(p: EventPattern, noun = false): CompiledPattern {
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
  // a verb's source is its subject; only an event noun names it in the pattern ("talks between S and X")
  if (!noun && elements.some((e) => e.k === 'slot' && e.slot === 'S')) throw new PatternError(`pattern "${p.pattern}": S belongs in event_nouns (a verb's source is its subject)`);
  if (!noun && p.modifiers.length) throw new PatternError(`pattern "${p.pattern}": modifiers belong in event_nouns`);
  return {
    source: p, head: parts[0].replace(/’/g, "'"), elements, modifiers: new Set(p.modifiers.map((w) => w.toLowerCase().replace(/’/g, "'"))),
    hasTarget: elements.some((e) => e.k === 'slot' && e.slot === 'X'),
    specificity: elements.filter((e) => e.k === 'word' && !e.optional).length * 2 + elements.filter((e) => e.k === 'slot').length + (p.modifiers.length ? 1 : 0),
    required: elements.flatMap((e) => (e.k === 'word' && !e.optional ? [[...e.words]] : [])),
  };
}

export function indexPatterns(patterns: EventPattern[], nouns = false): Map<string, CompiledPattern[]> {
  const index = new Map<string, CompiledPattern[]>();
  for (const p of patterns) {
    const c = compilePattern(p, nouns);
    index.set(c.head, [...(index.get(c.head) ?? []), c]);
  }
  for (const list of index.values()) list.sort((a, b) => b.specificity - a.specificity);
  return index;
}
