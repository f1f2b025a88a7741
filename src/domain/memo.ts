/**
 * A pure function of one string, remembered: the parser folds the same short strings (body names,
 * cells) many times per plan. The memory is bounded: past `max` entries it starts again empty.
 */
export function memoByString<T>(f: (s: string) => T, max = 5000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s: string) => {
    const hit = seen.get(s);
    if (hit !== undefined || seen.has(s)) return hit as T;
    const value = f(s);
    if (seen.size >= max) seen.clear();
    seen.set(s, value);
    return value;
  };
}
