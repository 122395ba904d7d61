/**
 * A vocabulary table that knows only its own words. A plain object literal also "knows"
 * `constructor`, `toString`, `__proto__` … through its prototype, so a clerk typing one of them
 * got a function back instead of the usual 无法识别 message; a Map has no such inherited keys.
 */
export function wordTable<T>(words: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(words));
}
