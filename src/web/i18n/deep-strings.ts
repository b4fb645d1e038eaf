/** The same keys as `T`, any string values: what a translation of `T` must provide. */
export type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
