// The benchmark corpus: the sentences of the peer suites in ../shared (read there, never copied),
// grouped ten to an article and cycled until the corpus holds at least `minSentences` sentences.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../shared/peer-suites/', import.meta.url));
const FILES = ['plover/examples.jsonl', 'universalpetrarch/validation.jsonl', 'petrarch2/validation.jsonl'];

export interface BenchArticle {
  text: string;
  published: string | null;
  sentences: number;
}

export function peerSentences(): string[] {
  const out: string[] = [];
  for (const f of FILES) {
    const path = SHARED + f;
    if (!existsSync(path)) throw new Error(`${path} is missing: the benchmark reads the peer suites in ../shared`);
    for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
  }
  return out;
}

export function benchCorpus(minSentences = 5000): { articles: BenchArticle[]; unique: number } {
  const sentences = peerSentences();
  const articles: BenchArticle[] = [];
  let total = 0;
  for (let k = 0; total < minSentences; k += 10) {
    const group = Array.from({ length: 10 }, (_, n) => sentences[(k + n) % sentences.length]);
    articles.push({ text: group.join(' '), published: '2024-03-15', sentences: group.length });
    total += group.length;
  }
  return { articles, unique: sentences.length };
}
