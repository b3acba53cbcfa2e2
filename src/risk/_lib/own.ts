/**
 * The entry under `id` of an id-keyed map (key posts, consultations), own properties only: an initial state's maps
 * have no prototype, but a state read back from JSON has one, and ids such as `constructor` must stay plain data.
 */
export function own<T>(map: { readonly [id: string]: T }, id: string): T | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}
