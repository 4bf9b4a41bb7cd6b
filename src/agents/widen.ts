type Column = Int32Array | Uint8Array | Float64Array;

/** A copy of a typed array with room for `size` entries: the stores of the few (smugglers, recruiters) grow as agents enter. */
export function widen<T extends Column>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
