/**
 * Erasure of personal data in stored records (DOMAIN.md §6), as a pure rewrite of JSON values.
 */

/**
 * A copy of `value` where every string (object keys and ids excepted) has the needles replaced,
 * ignoring case (« DUPONT », « dupont » and « Dupont » are the same person). An `email` or `phone`
 * field that holds a needle is dropped instead: a replacement is no address, and the record must
 * still pass its schema. Every storage erases with it, so memory, SQLite and PostgreSQL scrub exactly the same texts.
 */
export function scrubValue(
  value: unknown,
  needles: readonly string[],
  replacement: string,
  key = '',
): unknown {
  if (typeof value === 'string') {
    if (key === 'id' || key.endsWith('Id')) return value;
    let text = value;
    for (const needle of needles) {
      if (needle) text = text.replace(needlePattern(needle), () => replacement);
    }
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, needles, replacement, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => {
        const scrubbed = scrubValue(v, needles, replacement, k);
        if (CONTACT_FIELDS.has(k) && typeof v === 'string' && scrubbed !== v) return [];
        return [[k, scrubbed]];
      }),
    );
  }
  return value;
}

const CONTACT_FIELDS = new Set(['email', 'phone']);

const patterns = new Map<string, RegExp>();

/**
 * A global, case-insensitive pattern matching `needle` literally, as a whole word: erasing « Jean
 * Roy » leaves « Jean Royer » alone. Cached, as erasure applies it to many texts.
 */
function needlePattern(needle: string): RegExp {
  let pattern = patterns.get(needle);
  if (!pattern) {
    const literal = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${literal}(?![\\p{L}\\p{N}])`, 'giu');
    if (patterns.size > 1_000) patterns.clear();
    patterns.set(needle, pattern);
  }
  return pattern;
}
