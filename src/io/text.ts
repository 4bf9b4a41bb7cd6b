/** Text from a file, cut to `max` characters so that no message grows with its input (a 10 MB key gives a short error). */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}... (${text.length.toLocaleString('en-US')} characters)`;
}

/** Where in a file's bytes its UTF-8 first breaks. */
export interface BadUtf8 {
  line: number;
  column: number;
  byte: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text, or where they are not UTF-8. Decoding leniently
 * would turn bad bytes into U+FFFD, which would then flow into names and
 * seeds; a leading byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { bad: BadUtf8 } {
  try {
    const text = strict.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { bad: firstBadByte(bytes) };
  }
}

function firstBadByte(bytes: Uint8Array): BadUtf8 {
  let line = 1;
  let lineStart = 0;
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const whole = size > 0 && k + size <= bytes.length && strictDecodes(bytes.subarray(k, k + size));
    if (!whole) break;
    if (b === 0x0a) {
      line++;
      lineStart = k + 1;
    }
    k += size;
  }
  const column = strict.decode(bytes.subarray(lineStart, k)).length + 1;
  return { line, column, byte: k };
}

function strictDecodes(sequence: Uint8Array): boolean {
  try {
    strict.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

/**
 * The candidate closest to a misspelt or differently written name, for "did you
 * mean ...?": case, spaces, "-" and "_" are ignored, then the fewest edits
 * win; undefined when none is close (more than a third of the name changed).
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const target = fold(name);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(target.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(target, fold(c), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it must reach it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      smallest = Math.min(smallest, v);
    }
    if (smallest >= limit) return limit;
    previous = row;
  }
  return Math.min(previous[b.length], limit);
}

/** Problems printed in one message at most: enough to fix a file, bounded whatever the file. */
const SHOWN_PROBLEMS = 50;

/** A heading and one indented line per problem, the list cut at SHOWN_PROBLEMS. */
export function problemList(head: string, lines: readonly string[]): string {
  const shown = lines.slice(0, SHOWN_PROBLEMS).map((l) => '  ' + l);
  if (lines.length > SHOWN_PROBLEMS) shown.push(`  ... and ${lines.length - SHOWN_PROBLEMS} more`);
  return [head, ...shown].join('\n');
}
