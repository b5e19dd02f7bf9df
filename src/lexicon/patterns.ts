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

/**
 * The patterns of an index by every form of a word that leads to a head: the head itself, or a form of more
 * than four letters that gives a head once "d", "ed" or "s" is stripped or "ies"/"ied" is made "y" (tried in
 * that order). Listed once from the heads, so that a token's word is looked up, never stripped. With
 * `participles`, verbs' "-ing" forms too, for the participles the tagger takes for nouns ("and arresting 15").
 */
export function patternsByForm(index: Map<string, CompiledPattern[]>, participles = false): Map<string, CompiledPattern[]> {
  const forms = new Map(index);
  if (participles) {
    for (const [head, list] of index) {
      if (!/^[a-z]+$/.test(head)) continue;
      const ing = head.endsWith('ie') ? head.slice(0, -2) + 'ying' : head.endsWith('e') && !head.endsWith('ee') ? head.slice(0, -1) + 'ing' : head + 'ing';
      const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(head) && head.length <= 4 ? head + head.at(-1) + 'ing' : null;
      for (const k of [ing, doubled]) if (k && !forms.has(k)) forms.set(k, list);
    }
  }
  for (const head of index.keys()) {
    const candidates = [head + 'd', head + 'ed', head + 's'];
    if (head.endsWith('y')) candidates.push(head.slice(0, -1) + 'ies', head.slice(0, -1) + 'ied');
    for (const k of candidates) {
      if (k.length <= 4 || forms.has(k)) continue;
      const found = index.get(k.replace(/d$/, '')) ?? index.get(k.replace(/ed$/, '')) ?? index.get(k.replace(/s$/, '')) ?? index.get(k.replace(/ies$/, 'y')) ?? index.get(k.replace(/ied$/, 'y'));
      if (found) forms.set(k, found);
    }
  }
  return forms;
}
