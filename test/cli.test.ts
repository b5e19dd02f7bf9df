import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analysis } from '../src/model/analysis.js';
import { sharedFile } from './helpers.js';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const cli = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { input, encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
const tmp = mkdtempSync(join(tmpdir(), 'demarche-cli-'));

describe('demarche CLI', () => {
  it('analyze FILE --published emits one valid Analysis', () => {
    const file = join(tmp, 'a.txt');
    writeFileSync(file, 'Turkey’s Foreign Ministry on Monday condemned the attack in Kabul.');
    const r = cli(['analyze', file, '--published', '2024-02-14', '--url', 'https://example.org/a']);
    assert.equal(r.status, 0, r.stderr);
    const a = Analysis.parse(JSON.parse(r.stdout));
    assert.equal(a.article.published, '2024-02-14');
    assert.equal(a.article.url, 'https://example.org/a');
    assert.equal(a.dates[0].value, '2024-02-12');
    assert.equal(a.actors[0].actor.country, 'TUR');
  });

  it('bad input is one line naming the input, exit code 2', () => {
    const cases: [string[], string | Buffer | undefined, RegExp][] = [
      [['analyze', '/nonexistent/article.txt'], undefined, /^demarche: \/nonexistent\/article\.txt: cannot read \(no such file\)\n$/],
      [['analyze', '-'], Buffer.from([0x47, 0x00, 0x01, 0x02]), /^demarche: stdin: binary input/],
      [['analyze', '-'], Buffer.from([0x41, 0xc3, 0x28, 0x42]), /^demarche: stdin: invalid UTF-8\n$/],
      [['analyze', '-'], '   \n', /^demarche: stdin: empty text\n$/],
      [['analyze', '-', '--published', '2023-02-30'], 'Some text.', /^demarche: stdin: published date "2023-02-30" is not a date/],
      [['analyze', '-', '--dict', '/nonexistent/d.yaml'], 'Some text.', /^demarche: \/nonexistent\/d\.yaml:0: cannot read dictionary/],
    ];
    for (const [args, input, expected] of cases) {
      const r = cli(args, input);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    }
  });

  it('--jsonl reports and skips bad lines, codes the rest, in order, exit 1 with a count', () => {
    const lines = [
      JSON.stringify({ id: 'one', text: 'Iran’s foreign ministry said on Friday that talks would resume.', published: '2024-05-10' }),
      '{not json',
      JSON.stringify({ text: 'Text with a bad date.', published: 'yesterday' }),
      JSON.stringify({ text: '' }),
      JSON.stringify({ id: 'two', text: 'The Kremlin said on Tuesday it had no plans to attend.', published: '2024-05-10' }),
    ].join('\n');
    const r = cli(['analyze', '--jsonl', '-'], lines + '\n');
    assert.equal(r.status, 1);
    const out = r.stdout.trim().split('\n').map((l) => Analysis.parse(JSON.parse(l)));
    assert.deepEqual(out.map((a) => a.article.id), ['one', 'two']);
    assert.match(r.stderr, /stdin:2: not JSON/);
    assert.match(r.stderr, /stdin:3: published date "yesterday" is not a date/);
    assert.match(r.stderr, /stdin:4: .*empty/);
    assert.match(r.stderr, /3 of 5 articles skipped, 2 analysed/);
  });

  it('eval prints precision, recall and F1 per layer; --json for machines', () => {
    const gold = sharedFile('seed/expected.json');
    if (!gold) return;
    const r = cli(['eval', gold, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const { articles, scores } = JSON.parse(r.stdout) as { articles: number; scores: Record<string, { recall: number; f1: number }> };
    assert.equal(articles, 1);
    assert.equal(scores.places.recall, 1);
    assert.equal(scores.dates.recall, 1);
    const text = cli(['eval', gold]);
    assert.match(text.stdout, /layer\s+gold\s+pred\s+tp\s+precision\s+recall\s+f1/);
  });

  it('--format pretty prints the readable report', () => {
    const r = cli(['analyze', '-', '--format', 'pretty', '--published', '2024-01-05'], 'NATO said on Thursday that Russian troops had massed near Kharkiv.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /dates \(1\)\n {2}on Thursday → 2024-01-04/);
    assert.match(r.stdout, /places \(\d+\)\n {2}Kharkiv → Kharkiv \(UKR\)/);
  });
});
