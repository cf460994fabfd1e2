/**
 * Sets `key` in `map`, a cache of at most `maxEntries` entries: when it is full, the entry set
 * longest ago goes. A `Map` keeps insertion order, and a key set again moves to the end.
 *
 * @example
 * setBounded(recentAnswers, request, answer, 1000);
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  map.delete(key);
  if (map.size >= maxEntries) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
