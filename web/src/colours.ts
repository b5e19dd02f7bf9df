// Colours with meaning: quad classes, intensity from conflict (red) to cooperation (blue), and
// a palette that tells speakers apart.
import { QUAD_CLASSES, type QuadClass } from '../../src/model/quad.js';

export const QUADS = Object.entries(QUAD_CLASSES).map(([quad, q]) => ({ quad: Number(quad) as QuadClass, name: q.name, types: q.types as readonly string[] }));

export const QUAD_COLOURS: Record<QuadClass, string> = { 1: '#7fb3d5', 2: '#1f618d', 3: '#f0a35e', 4: '#c0392b' };

const CONFLICT = [192, 57, 43];
const NEUTRAL = [170, 170, 170];
const COOPERATION = [31, 97, 141];

/** -10 … +10 to a colour: red for conflict, grey around zero, blue for cooperation. */
export function intensityColour(value: number): string {
  const t = Math.max(-1, Math.min(1, value / 10));
  const to = t < 0 ? CONFLICT : COOPERATION;
  const mix = NEUTRAL.map((c, i) => Math.round(c + (to[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(', ')})`;
}

/** How many speaker colours style.css defines (.speaker-0 … .speaker-7). */
export const SPEAKER_COLOURS = 8;
