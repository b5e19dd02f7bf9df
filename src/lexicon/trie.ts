// Token tries: every dictionary phrase, as a sequence of token keys, leads to its entries.
import { startsUpper, type Token } from '../text/tokenize.js';

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
  /**
   * The same phrases, less those that cannot match at a token without a capital (`proper`, and `exact` ones
   * written with one), and so most names: walked from such tokens, which are most tokens, it is a small table.
   */
  private uncapitalizedRoot: Node<E> = { next: new Map(), payloads: [] };
  size = 0;

  add(keys: string[], surface: string[], entry: E, rule: CaseRule): void {
    if (!keys.length) return;
    const node = walkOrGrow(this.root, keys);
    if (node.payloads.some((p) => p.entry === entry && p.rule === rule)) return;
    const payload = { entry, rule, surface };
    node.payloads.push(payload);
    this.size++;
    if (rule === 'any' || (rule === 'exact' && !startsUpper(surface[0]))) walkOrGrow(this.uncapitalizedRoot, keys).payloads.push(payload);
  }

  /** Every phrase that starts at token `i`, shortest first; whitespace tokens end a phrase. */
  matchesAt(tokens: Token[], i: number): TrieMatch<E>[] {
    const out: TrieMatch<E>[] = [];
    this.walk(tokens, i, out);
    return out;
  }

  /** Longest matches, left to right, without overlap. */
  longest(tokens: Token[], from = 0, to = tokens.length - 1): TrieMatch<E>[] {
    const out: TrieMatch<E>[] = [];
    for (let i = from; i <= to; i++) {
      if (tokens[i].space) continue;
      // (only the longest is wanted: the shorter ones are not listed)
      const best = this.walk(tokens, i, null);
      if (best && best.last <= to) {
        out.push(best);
        i = best.last;
      }
    }
    return out;
  }

  /** Walks the phrases that start at token `i`: each match goes to `all` where given; the longest is returned. */
  private walk(tokens: Token[], i: number, all: TrieMatch<E>[] | null): TrieMatch<E> | null {
    let last: TrieMatch<E> | null = null;
    let node: Node<E> | undefined = tokens[i]?.cap ? this.root : this.uncapitalizedRoot;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.space) break;
      node = node.next.get(t.key);
      if (!node) break;
      if (node.payloads.length) {
        const ok = agreeing(node.payloads, tokens, i);
        if (ok.length) {
          last = { first: i, last: j, payloads: ok };
          all?.push(last);
        }
      }
    }
    return last;
  }
}

function walkOrGrow<E>(root: Node<E>, keys: string[]): Node<E> {
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) {
      n = { next: new Map(), payloads: [] };
      node.next.set(k, n);
    }
    node = n;
  }
  return node;
}

/**
 * The payloads whose case rule the text at `i` meets. Most nodes' payloads all agree: their own list is returned, never
 * changed by callers, rather than a copy. (Plain loops, no closures: this runs at almost every token of every article.)
 */
function agreeing<E>(payloads: Payload<E>[], tokens: Token[], i: number): Payload<E>[] {
  let n = 0;
  while (n < payloads.length && caseAgrees(payloads[n], tokens, i)) n++;
  if (n === payloads.length) return payloads;
  const ok = payloads.slice(0, n);
  for (n++; n < payloads.length; n++) if (caseAgrees(payloads[n], tokens, i)) ok.push(payloads[n]);
  return ok;
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
