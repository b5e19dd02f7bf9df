// Token tries: every dictionary phrase, as a sequence of token keys, leads to its entries.
import type { Token } from '../text/tokenize.js';

/** How the capitalisation of the text must agree with the phrase. */
export type CaseRule = 'any' | 'proper' | 'exact';

export interface Payload<E> {
  entry: E;
  rule: CaseRule;
  /** the phrase's own surface tokens, for `exact` */
  surface: string[];
}

interface Node<E> {
  next: Map<string, Node<E>>;
  payloads: Payload<E>[];
}

export interface TrieMatch<E> {
  first: number;
  last: number;
  payloads: Payload<E>[];
}

export class TokenTrie<E> {
  private root: Node<E> = { next: new Map(), payloads: [] };
  size = 0;

  add(keys: string[], surface: string[], entry: E, rule: CaseRule): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), payloads: [] };
        node.next.set(k, n);
      }
      node = n;
    }
    if (node.payloads.some((p) => p.entry === entry && p.rule === rule)) return;
    node.payloads.push({ entry, rule, surface });
    this.size++;
  }

  /** Every phrase that starts at token `i`, shortest first; whitespace tokens end a phrase. */
  matchesAt(tokens: Token[], i: number): TrieMatch<E>[] {
    const out: TrieMatch<E>[] = [];
    let node: Node<E> | undefined = this.root;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.space) break;
      node = node.next.get(t.key);
      if (!node) break;
      if (node.payloads.length) {
        const ok = node.payloads.filter((p) => caseAgrees(p, tokens, i));
        if (ok.length) out.push({ first: i, last: j, payloads: ok });
      }
    }
    return out;
  }

  /** Longest matches, left to right, without overlap. */
  longest(tokens: Token[], from = 0, to = tokens.length - 1): TrieMatch<E>[] {
    const out: TrieMatch<E>[] = [];
    for (let i = from; i <= to; i++) {
      if (tokens[i].space) continue;
      const m = this.matchesAt(tokens, i);
      if (m.length) {
        const best = m[m.length - 1];
        if (best.last <= to) {
          out.push(best);
          i = best.last;
        }
      }
    }
    return out;
  }
}

function caseAgrees<E>(p: Payload<E>, tokens: Token[], i: number): boolean {
  switch (p.rule) {
    case 'any':
      return true;
    case 'proper':
      return tokens[i].cap;
    case 'exact':
      return p.surface.every((s, n) => tokens[i + n].text.replace(/’/g, "'") === s.replace(/’/g, "'"));
  }
}
