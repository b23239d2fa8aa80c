import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deckJsonSchema } from '../src/deck/json-schema.js';
import { runCli } from './helpers/cli.js';
import { CASES, ROOT, SLIDES_YAML, VALID_CASES } from './helpers/paths.js';

const committed = readFileSync(path.join(ROOT, 'slides.schema.json'), 'utf8');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(committed) as object);
/** Parses YAML the way an editor's language server does (YAML 1.2 core schema). */
const asEditorReads = (text: string): unknown => parse(text);

describe('slides.schema.json', () => {
  it("is up to date with the loader's schema (regenerate with `inkdeck schema > slides.schema.json`)", async () => {
    expect(committed).toBe(`${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
    const printed = await runCli(['schema']);
    expect(printed).toEqual({ code: 0, stdout: committed, stderr: '' });
  });

  it('is what slides.yaml points editors to', () => {
    expect(readFileSync(SLIDES_YAML, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./slides.schema.json');
  });

  it('gives editors hover help for the fields', () => {
    expect(committed).toContain('Speaker notes: what the presenter says on this slide.');
  });

  it.each(['slides.yaml', ...VALID_CASES])('accepts %s', (name) => {
    const file = name === 'slides.yaml' ? SLIDES_YAML : path.join(CASES, name);
    const valid = validate(asEditorReads(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each<[string, string]>([
    ['an empty file', ''],
    ['a comment-only file', '# nothing yet\n'],
    ['bullets that are not a list', 'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: 3\n'],
    ['an unknown key', 'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        note: x\n'],
    ['a missing title', 'sections:\n  - id: a\n    title: A\n    slides: []\n'],
    ['a section id with spaces', 'title: T\nsections:\n  - id: Cold War\n    title: A\n    slides: []\n'],
    ['no sections', 'title: T\nsections: []\n'],
    [
      'reveal that is not a boolean',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        reveal: sometimes\n',
    ],
  ])('rejects %s', (_name, text) => {
    expect(validate(asEditorReads(text))).toBe(false);
  });

  it.each(['duplicate-keys.yaml', 'alias-bomb.yaml'])('leaves %s to the YAML parser, which refuses it', (name) => {
    expect(() => asEditorReads(readFileSync(path.join(CASES, name), 'utf8'))).toThrow();
  });
});

describe('the schema and the loader agree on what issue 16 allows', () => {
  it.each([
    [
      'a top-level x- key holding an anchor',
      'x-shared: &deal Largest ever natural gas deal\ntitle: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: [*deal]\n',
    ],
    [
      'a bullet mapping with text and no sub-bullets',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - text: Main point\n',
    ],
  ])('accepts %s in both', async (_name, text) => {
    expect(validate(asEditorReads(text))).toBe(true);
    const { parseDeck } = await import('../src/deck/load-deck.js');
    expect(() => parseDeck(text, 'x.yaml')).not.toThrow();
  });

  const slide = (lines: string) =>
    `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n${lines
      .split('\n')
      .map((line) => `        ${line}`)
      .join('\n')}\n`;

  it.each([
    ['a quote slide without its quote', slide('layout: quote\nby: Someone')],
    ['a timeline without events', slide('layout: timeline')],
    ['a quote without layout: quote', slide('quote: Words')],
    ['columns without layout: columns', slide('columns:\n  - heading: A\n  - heading: B')],
    ['a misspelt layout', slide('layout: colums')],
  ])('rejects %s in both', async (_name, text) => {
    expect(validate(asEditorReads(text))).toBe(false);
    const { parseDeck } = await import('../src/deck/load-deck.js');
    expect(() => parseDeck(text, 'x.yaml')).toThrow();
  });

  it('accepts every layout of tests/fixtures/layouts.yaml in both', () => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/layouts.yaml'), 'utf8');
    expect(validate(asEditorReads(text))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects an x- key below the top level in both', async () => {
    const text = 'title: T\nsections:\n  - id: a\n    title: A\n    x-mine: 1\n    slides: []\n';
    expect(validate(asEditorReads(text))).toBe(false);
    const { parseDeck } = await import('../src/deck/load-deck.js');
    expect(() => parseDeck(text, 'x.yaml')).toThrow('unknown key "x-mine"');
  });
});

describe('the schema and the loader agree on empty text', () => {
  it('rejects an empty title in both', async () => {
    const text = 'title: ""\nsections:\n  - id: a\n    title: A\n    slides: []\n';
    expect(validate(asEditorReads(text))).toBe(false);
    const { parseDeck } = await import('../src/deck/load-deck.js');
    expect(() => parseDeck(text, 'x.yaml')).toThrow('x.yaml:1:8: title: must not be empty');
  });
});
