import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const SOURCE = path.join(ROOT, 'src');

/** Every module under src/ and the modules under src/ it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(SOURCE, file), 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((match) => {
      const base = path.join(path.dirname(file), match[1] ?? '');
      return files.find((candidate) => candidate === `${base}.ts` || candidate === `${base}.tsx`) ?? `${base} (missing)`;
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Each cycle as the files around it, from its first file in sorted order; found by depth-first search. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const visit = (file: string, trail: string[]) => {
    const start = trail.indexOf(file);
    if (start >= 0) {
      const cycle = trail.slice(start);
      const first = cycle.indexOf([...cycle].sort()[0] ?? file);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      cycles.set(rotated.join(' -> '), rotated);
      return;
    }
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  return [...cycles.values()];
}

describe('modules under src/', () => {
  it('import each other in one direction only (issue 15: sanitize.ts and schema.ts imported each other)', () => {
    const graph = importGraph();
    expect(graph.get(path.join('deck', 'schema.ts'))).toContain(path.join('deck', 'sanitize.ts'));
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('would see a cycle', () => {
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });
});
