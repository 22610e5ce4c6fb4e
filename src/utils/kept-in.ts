/** The value `map` keeps for `key`, made and kept the first time it is asked for (a Map or a WeakMap). */
export const keptIn = <K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V => {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
};
