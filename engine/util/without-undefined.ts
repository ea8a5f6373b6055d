/**
 * An object's fields that are set: optional fields as the catalog's queries and spreads take
 * them (exactOptionalPropertyTypes: absent, never undefined — and an undefined must not
 * overwrite what a spread put before it).
 */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
