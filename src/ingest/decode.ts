// Bytes to article text. Binary data, invalid UTF-8 and empty text are problems the caller
// reports against the input's name.
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new InputProblem('binary input (contains NUL bytes), expected UTF-8 text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputProblem('invalid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new InputProblem('empty text');
  return text;
}

/** A publication date as the analysis wants it (YYYY-MM-DD), from an ISO date or date-time, or an RFC 822 date. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  // an ISO date-time keeps the calendar date it was written with, whatever its time zone
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(trimmed);
  if (iso) return iso[1];
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** The outlet a URL stands for: its host name without "www.". */
export function outletOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
