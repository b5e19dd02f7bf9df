// Places and framing: the place mentions, and which side's vocabulary a contested name carries.
import type { Doc } from '../pipeline/doc.js';

export function placesStage(doc: Doc): void {
  doc.places = doc.mentions
    .filter((m) => m.place)
    .map((m) => ({ start: m.start, end: m.end, text: m.text, place: m.place! }));
  doc.framing = doc.mentions
    .filter((m) => m.place && m.usedBy)
    .map((m) => ({ start: m.start, end: m.end, text: m.text, denotes: m.place!.name, used_by: m.usedBy! }));
}
