/**
 * String interning for names, namespaces and attribute values in the source index. V8 compares two
 * internalized strings by pointer, while substrings of a large document are "sliced" strings whose
 * comparison walks characters through a slow path; interning makes node-selector evaluation over
 * tens of thousands of siblings several times faster. Property keys are internalized by V8, hence
 * the round trip through the keys of one reused dictionary object (measured 4× cheaper than a
 * fresh object per string).
 */
const holder: Record<string, true> = Object.create(null) as Record<string, true>;

/**
 * The strings interned lately. A server indexes small bodies and selectors with the same few
 * names and values request after request, and the round trip through `holder` costs about
 * 0.3 µs, a Map lookup a tenth of that. Cleared when full, so a huge document's distinct values
 * cannot make it grow without bound.
 */
const recent = new Map<string, string>();
const RECENT_LIMIT = 4096;

export function internString(value: string): string {
  const known = recent.get(value);
  if (known !== undefined) return known;
  holder[value] = true;
  let key: string | undefined;
  for (key in holder) break;
  Reflect.deleteProperty(holder, value);
  const interned = key ?? value;
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(interned, interned);
  return interned;
}

/** An interner with a per-owner cache, so repeated names cost one Map lookup. */
export function createInterner(): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let interned = cache.get(value);
    if (interned === undefined) {
      interned = internString(value);
      cache.set(interned, interned);
    }
    return interned;
  };
}
