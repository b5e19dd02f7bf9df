// PLOVER event types grouped into the four quad classes. This is the only place the grouping is
// written: store filters, clusters and every export read it from here.
// The grouping is the one this project's issue fixed. The PLOVER manual's own tables disagree
// with each other on CONCEDE, PROTEST and SANCTION; see docs/export.md.
import type { PloverType } from './analysis.js';

export const QUAD_CLASSES = {
  1: { name: 'verbal cooperation', types: ['AGREE', 'CONSULT', 'SUPPORT'] },
  2: { name: 'material cooperation', types: ['CONCEDE', 'COOPERATE', 'AID', 'RETREAT'] },
  3: { name: 'verbal conflict', types: ['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST'] },
  4: { name: 'material conflict', types: ['SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] },
} as const satisfies Record<number, { name: string; types: readonly PloverType[] }>;

export type QuadClass = keyof typeof QUAD_CLASSES;

export const QUAD_OF: Readonly<Record<PloverType, QuadClass>> = Object.fromEntries(
  Object.entries(QUAD_CLASSES).flatMap(([quad, { types }]) => types.map((t) => [t, Number(quad) as QuadClass])),
) as Record<PloverType, QuadClass>;

/** Accepts 1-4 or a name such as "verbal-cooperation" / "verbal cooperation". */
export function parseQuadClass(value: string | number): QuadClass | null {
  const n = Number(value);
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  const name = String(value).toLowerCase().replace(/[-_]/g, ' ');
  const hit = Object.entries(QUAD_CLASSES).find(([, q]) => q.name === name);
  return hit ? (Number(hit[0]) as QuadClass) : null;
}
