import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, compileLexicon, DictionaryError, loadDictionaries } from '../src/index.js';
import { listDataFiles } from '../src/lexicon/load.js';
import { lexicon } from './helpers.js';

describe('lexicon', () => {
  it('every built-in dictionary names its sources and validates', () => {
    const files = listDataFiles();
    assert.ok(files.length >= 8, `found ${files.length} files`);
    for (const f of files) assert.match(readFileSync(f, 'utf8'), /^\s*#\s*Sources:/, f);
    assert.equal(lexicon.files.length, files.length);
    assert.match(lexicon.hash, /^[0-9a-f]{64}$/);
  });

  it('covers every UN member and observer state, Kosovo and Taiwan', () => {
    assert.ok(lexicon.countries.size >= 197, `${lexicon.countries.size} states`);
    for (const iso3 of ['ARM', 'AZE', 'XKX', 'TWN', 'PSE', 'VAT', 'SSD', 'PRK']) assert.ok(lexicon.countries.has(iso3), iso3);
  });

  it('an invalid dictionary is an error naming the file and line', () => {
    const bad = { name: 'my-actors.yaml', text: 'organizations:\n  - id: X\n    name: Example\n    sector: WIZARDS\n' };
    assert.throws(() => loadDictionaries([bad]), (e: unknown) => e instanceof DictionaryError && /^my-actors\.yaml:4: organizations\.0\.sector/.test(e.message));
    const broken = { name: 'broken.yaml', text: 'people:\n  - id: x\n   name: [unclosed\n' };
    assert.throws(() => loadDictionaries([broken]), (e: unknown) => e instanceof DictionaryError && /^broken\.yaml:\d+: invalid YAML/.test(e.message));
    assert.throws(() => loadDictionaries([{ name: 'x.yaml', text: 'villains: []\n' }]), /x\.yaml:1: expected exactly one top-level key/);
    assert.throws(() => loadDictionaries(['/nonexistent/dict.yaml']), /\/nonexistent\/dict\.yaml:0: cannot read dictionary: ENOENT/);
  });

  it('a source slot belongs to event nouns, not to verb patterns', () => {
    const verb = { name: 'mine.yaml', text: 'events:\n  - pattern: meet by S\n    type: CONSULT\n    cameo: "040"\n' };
    assert.throws(() => compileLexicon(loadDictionaries([verb])), /pattern "meet by S": S belongs in event_nouns/);
    const noun = { name: 'nouns.yaml', text: 'event_nouns:\n  - pattern: parley between S and X\n    type: CONSULT\n    cameo: "040"\n' };
    const custom = compileLexicon(loadDictionaries([noun]));
    const a = analyze('A parley between Chile and Peru ended on Monday.', {}, { lexicon: custom });
    assert.deepEqual(a.events.map((e) => [e.type, e.source?.country, e.target?.country]), [['CONSULT', 'CHL', 'PER']]);
  });

  it('a user dictionary adds actors and changes the dictionary hash', () => {
    const text = 'The Free Lowland Front said on Monday it had shelled the port.';
    assert.equal(analyze(text, {}, { lexicon }).actors.length, 0);
    const mine = { name: 'mine.yaml', text: 'organizations:\n  - id: FLF\n    name: Free Lowland Front\n    sector: REB\n    country: NLD\n' };
    const custom = compileLexicon(loadDictionaries([mine]));
    const a = analyze(text, {}, { lexicon: custom });
    assert.equal(a.actors[0]?.actor.id, 'FLF');
    assert.equal(a.actors[0]?.actor.country, 'NLD');
    assert.notEqual(a.coder.dictionaries, lexicon.hash);
    assert.equal(a.coder.dictionaries, custom.hash);
  });
});
