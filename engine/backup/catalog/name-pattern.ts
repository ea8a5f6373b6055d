/**
 * Restore by Query: how a name pattern is looked up in the file catalog's name dictionary.
 * Pure. Patterns ignore case; `*` is any run of characters and `?` one character; a pattern
 * without either is a substring ("budget" finds "Q3 Budget.xlsx").
 *
 * Every plan ends with an exact GLOB test on the folded name, so an access path only has to
 * find a superset of the matches, as cheaply as it can:
 * - prefix: a range of the `folded` index ("report*");
 * - extension: equality on the `ext` index ("*.mdf", "db*.bak");
 * - trigrams: the trigram index, ANDing the trigrams of the longest literal run
 *   ("*budget*", "*_2024.xlsx");
 * - scan: every name, for patterns with no literal of three characters and no prefix or
 *   extension ("*a?b*"); slow on a large catalog, and said so in the plan.
 */
export type NamePlan =
  | { access: 'prefix'; from: string; to: string; glob: string }
  | { access: 'extension'; ext: string; glob: string }
  | { access: 'trigrams'; match: string; glob: string }
  | { access: 'scan'; glob: string };

/** The extension the catalog indexes: the folded text after the last dot ('' when none). */
export function extensionOf(folded: string): string {
  const dot = folded.lastIndexOf('.');
  return dot < 0 ? '' : folded.slice(dot + 1);
}

/** Case folding shared by the writer and the queries. */
export function foldName(name: string): string {
  return name.toLowerCase();
}

const MAX_TRIGRAMS = 16;

export function planNameSearch(pattern: string): NamePlan {
  const folded = foldName(pattern.trim());
  const wildcarded = /[*?]/.test(folded) ? folded : `*${folded}*`;
  const glob = [...wildcarded].map((char) => (char === '[' ? '[[]' : char)).join('');
  const runs = wildcarded.split(/[*?]+/);
  const prefix = runs[0] ?? '';
  const trailing = /[*?]$/.test(wildcarded) ? '' : (runs[runs.length - 1] ?? '');
  const longest = runs.reduce((best, run) => (codePoints(run).length > codePoints(best).length ? run : best), '');

  if (codePoints(prefix).length >= 3) return { access: 'prefix', ...prefixRange(prefix), glob };
  const ext = trailing.includes('.') ? extensionOf(trailing) : undefined;
  if (codePoints(longest).length >= 3 && (ext === undefined || codePoints(longest).length > codePoints(trailing).length)) {
    return { access: 'trigrams', match: trigramQuery(longest), glob };
  }
  if (ext !== undefined) return { access: 'extension', ext, glob };
  if (prefix !== '') return { access: 'prefix', ...prefixRange(prefix), glob };
  return { access: 'scan', glob };
}

/** [from, to): every string starting with `prefix`, in SQLite's binary (code point) order. */
export function prefixRange(prefix: string): { from: string; to: string } {
  const points = codePoints(prefix);
  const last = points.pop();
  if (last === undefined) return { from: '', to: '\u{10FFFF}' };
  // Skip the surrogate range: UTF-8 has no code points there, so the next one is U+E000.
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return { from: prefix, to: String.fromCodePoint(...points, next) };
}

/** An FTS5 query ANDing the trigrams of `literal`, each quoted (quotes doubled). */
export function trigramQuery(literal: string): string {
  const points = codePoints(literal);
  const trigrams = new Set<string>();
  for (let start = 0; start + 3 <= points.length; start++) trigrams.add(String.fromCodePoint(...points.slice(start, start + 3)));
  // A subset of the trigrams still finds every match (GLOB confirms each); spread it over the literal.
  const all = [...trigrams];
  const chosen = all.length <= MAX_TRIGRAMS ? all : all.filter((_, index) => index % Math.ceil(all.length / MAX_TRIGRAMS) === 0);
  return chosen.map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

function codePoints(text: string): number[] {
  return [...text].map((char) => char.codePointAt(0) ?? 0);
}
