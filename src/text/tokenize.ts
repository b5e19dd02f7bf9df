// Text layer: sentences, tokens with POS and lemmas, paragraphs — all with offsets into the
// original text. An adapter over wink-nlp, so the rest of the pipeline never sees its API.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  i: number;
  start: number;
  end: number;
  /** surface text, exactly as in the article */
  text: string;
  /** matching key: lower case, diacritics folded, typographic apostrophes made plain */
  key: string;
  pos: string;
  lemma: string;
  sentence: number;
  paragraph: number;
  /** whitespace or line breaks: never part of a match */
  space: boolean;
  /** starts with an upper-case letter */
  cap: boolean;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** token index range [first, last] inclusive */
  first: number;
  last: number;
  paragraph: number;
}

export interface TextLayer {
  tokens: Token[];
  sentences: SentenceSpan[];
}

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * wink-nlp splits words at letters outside ASCII ("Erdoğan" → "Erdo|ğ|an"). It reads a shadow copy
 * of the text in which each such letter is replaced, one code unit for one, by its base letter,
 * so offsets stay those of the original.
 */
const FOLD_EXTRA: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 's', đ: 'd', Đ: 'D', ħ: 'h', æ: 'a', Æ: 'A', œ: 'o', Œ: 'O', þ: 't' };

export function foldChar(ch: string): string {
  const extra = FOLD_EXTRA[ch];
  if (extra) return extra;
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.length === 1 ? base : ch;
}

export function shadowText(text: string): string {
  // fast path: pure ASCII plus typographic punctuation needs no folding
  if (!/[\u00C0-\u024F]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    out += code >= 0xc0 && code <= 0x24f ? foldChar(c) : c;
  }
  return out;
}

/** What a key replaces in a lower-cased word: typographic apostrophes and letters to fold (most words have neither). */
const NOT_YET_KEY = /[’‘`´\u00C0-\u024F]|\p{Mn}/u;

/** The key a token or dictionary word is matched by. */
export function matchKey(word: string): string {
  let k = word.toLowerCase();
  if (!NOT_YET_KEY.test(k)) return k;
  k = k.replace(/[’‘`´]/g, "'");
  if (/[\u00C0-\u024F]/.test(k)) k = [...k].map(foldChar).join('');
  // (combining marks left by lower-casing: "İzmit" is "i̇zmit", matched as "izmit")
  return k.replace(/\p{Mn}/gu, '');
}

const UPPER = /^\p{Lu}/u;

export function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  // (ASCII answered without the Unicode regex)
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER.test(word);
}

export function tokenize(text: string): TextLayer {
  const doc = nlp.readDoc(shadowText(text));
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const contracted = doc.tokens().out(its.contractionFlag) as boolean[];

  const tokens: Token[] = new Array(values.length);
  let offset = 0;
  let paragraph = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const start = offset;
    const end = start + values[i].length;
    offset = end;
    const surface = text.slice(start, end);
    // (a 'tabCRLF' token is made of tabs and line breaks: its type is read only for whitespace the tagger did not call SPACE)
    // (a token opening with a printable ASCII character is no whitespace: the regex is spared for almost every token)
    const first = values[i].charCodeAt(0);
    const space = pos[i] === 'SPACE' || ((first <= 0x20 || first >= 0x7f) && /^\s+$/.test(values[i]) && doc.tokens().itemAt(i).out(its.type) === 'tabCRLF');
    tokens[i] = {
      i, start, end, text: surface, key: matchKey(surface), pos: pos[i],
      lemma: (contracted[i] ? undefined : lemmas.get(pos[i])?.get(values[i])) ?? lemmaOf(doc.tokens().itemAt(i), contracted[i] ? null : values[i], pos[i]),
      sentence: 0, paragraph, space, cap: startsUpper(surface),
    };
    if (space && /\n\s*\n/.test(surface)) paragraph++;
  }

  const sentences: SentenceSpan[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [a, b] of spans) {
    // a sentence never spans a paragraph break, and never starts or ends on whitespace
    let first = a;
    for (let i = a; i <= b; i++) {
      const t = tokens[i];
      if (t.space && /\n\s*\n/.test(t.text)) {
        pushSentence(tokens, sentences, first, i - 1);
        first = i + 1;
      }
    }
    pushSentence(tokens, sentences, first, b);
  }
  // every token belongs to a sentence; whitespace between two sentences to the following one
  let from = 0;
  sentences.forEach((s, n) => {
    for (let i = from; i <= s.last; i++) tokens[i].sentence = n;
    from = s.last + 1;
  });
  for (let i = from; i < tokens.length; i++) tokens[i].sentence = Math.max(0, sentences.length - 1);
  return { tokens, sentences };
}

/**
 * The first token from `from` to `to` that `test` holds for, else `to + 1`: the step of a loop over tokens whose body
 * makes closures. V8 allocates such a body's variables afresh at each iteration, so the loop skips in its header the
 * tokens it has nothing to do with, rather than with a `continue` in its body.
 */
export function nextToken(tokens: Token[], from: number, to: number, test: (tokens: Token[], i: number) => unknown): number {
  let i = from;
  while (i <= to && !test(tokens, i)) i++;
  return i;
}

type WinkToken = ReturnType<ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>['itemAt']>;

/**
 * Lemmas by part of speech and word, as the tagger gives them. wink-nlp works a word's lemma out anew at each
 * occurrence, from the word, its part of speech and the model's fixed vocabulary alone (a contraction's part, "n't",
 * carries its own and is not kept here): after tagging itself, the text layer's costliest question to it.
 */
const lemmas = new Map<string, Map<string, string>>();

function lemmaOf(token: WinkToken, word: string | null, pos: string): string {
  const lemma = (token.out(its.lemma as Parameters<WinkToken['out']>[0]) as string).toLowerCase();
  if (word === null) return lemma;
  const byWord = lemmas.get(pos) ?? lemmas.set(pos, new Map()).get(pos)!;
  // (a server reading for months meets ever more words)
  if (byWord.size >= 100_000) byWord.clear();
  byWord.set(word, lemma);
  return lemma;
}

function pushSentence(tokens: Token[], out: SentenceSpan[], first: number, last: number): void {
  while (first <= last && tokens[first].space) first++;
  while (last >= first && tokens[last].space) last--;
  if (first > last) return;
  out.push({ start: tokens[first].start, end: tokens[last].end, first, last, paragraph: tokens[first].paragraph });
}

/** Bare wink-nlp tokenization, the baseline that benchmarks compare against. */
export function bareTokenCount(text: string): number {
  return nlp.readDoc(text).tokens().length();
}

const bareNlp = winkNLP(model, []);

/** Tokenizes dictionary phrases exactly as article text is tokenized: surface tokens per phrase. */
export function tokenizePhrases(phrases: string[]): string[][] {
  const joined = phrases.join('\n\n');
  const doc = bareNlp.readDoc(shadowText(joined));
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const out: string[][] = [];
  let current: string[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const surface = joined.slice(offset, offset + values[i].length);
    offset += values[i].length;
    if (types[i] === 'tabCRLF' && /\n\s*\n/.test(values[i])) {
      out.push(current);
      current = [];
    } else if (types[i] !== 'tabCRLF') current.push(surface);
  }
  out.push(current);
  return out;
}
