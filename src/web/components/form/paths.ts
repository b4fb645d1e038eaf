/*
 * A form's values are a tree: flat fields (`title`), lists of choices (`scopes`) and repeating rows
 * (`authors.1.fullName`). A field is named by its dotted path; errors, ids and labels are keyed by it.
 */

export type Row = Record<string, string | boolean>;
export type FormValue = string | boolean | File | null | readonly string[] | readonly Row[];
export type FormValues = Record<string, FormValue>;

type RowKeys<V, K extends keyof V> = V[K] extends ReadonlyArray<infer R> ? (R extends Row ? keyof R & string : never) : never;

/** Every path of a form: its fields, its lists of rows, each row and each row's fields. */
export type FieldPath<V extends FormValues> = {
  [K in keyof V & string]: RowKeys<V, K> extends never ? K : K | `${K}.${number}` | `${K}.${number}.${RowKeys<V, K>}`;
}[keyof V & string];

/** How a list of rows is named: the list, one row ("Tác giả 2") and the fields of a row. */
export type RowLabels<R extends Row> = { label: string; row: (position: number) => string; fields: Record<keyof R & string, string> };

/** The visible label of every field, in the order the form shows them (the error summary follows it). */
export type FieldLabels<V extends FormValues> = {
  [K in keyof V & string]: V[K] extends ReadonlyArray<infer R> ? (R extends Row ? RowLabels<R> : string) : string;
};

/** A loose view of the labels, for code that walks paths it only knows as strings. */
export type AnyLabels = Record<string, string | RowLabels<Row>>;

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAt(values: unknown, path: string): unknown {
  return splitPath(path).reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    values,
  );
}

/** A copy of `values` with `value` at `path` (arrays stay arrays). */
export function withValueAt<T>(values: T, path: string, value: unknown): T {
  const [head, ...rest] = splitPath(path);
  if (head === undefined) return value as T;
  const next = rest.length === 0 ? value : withValueAt((values as Record<string, unknown>)[head], rest.join('.'), value);
  if (Array.isArray(values)) return values.map((item, index) => (String(index) === head ? next : item)) as T;
  return { ...(values as object), [head]: next } as T;
}

/** The DOM id of a field's control (`launch-phases-0-endsOn`); its error and hint ids add a suffix. */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-') || 'form'}`;
}

function isRowLabels(entry: AnyLabels[string] | undefined): entry is RowLabels<Row> {
  return typeof entry === 'object' && entry !== null;
}

/**
 * The label a person sees for a path: "Tên sáng kiến", "Tác giả 2", "Tác giả 2 – Họ và tên". A path
 * the form does not show is named after its nearest ancestor that it does; null when there is none.
 */
export function labelForPath(labels: AnyLabels, path: string): string | null {
  const [name, index, column] = splitPath(path);
  const entry = name === undefined ? undefined : labels[name];
  if (entry === undefined) return null;
  if (!isRowLabels(entry)) return entry;
  const position = Number(index);
  if (index === undefined || !Number.isInteger(position)) return entry.label;
  const row = entry.row(position + 1);
  const field = column === undefined ? undefined : entry.fields[column];
  return field === undefined ? row : `${row} – ${field}`;
}

/** Whether the form shows a control (or a row, or a list) at exactly this path. */
export function isKnownPath(labels: AnyLabels, path: string): boolean {
  const [name, index, column, ...more] = splitPath(path);
  const entry = name === undefined ? undefined : labels[name];
  if (entry === undefined || more.length > 0) return false;
  if (index === undefined) return true;
  if (!isRowLabels(entry) || !/^\d+$/.test(index)) return false;
  return column === undefined || Object.hasOwn(entry.fields, column);
}

/** The path itself if the form shows it, else its nearest ancestor that it shows, else null. */
export function nearestKnownPath(labels: AnyLabels, path: string): string | null {
  const parts = splitPath(path);
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (isKnownPath(labels, candidate)) return candidate;
  }
  return null;
}

/** Sorts paths in the order the form shows them: by field, then row, then the row's field. */
export function compareByFormOrder(labels: AnyLabels, a: string, b: string): number {
  const names = Object.keys(labels);
  const rank = (path: string): number[] => {
    const [name, index, column] = splitPath(path);
    const entry = name === undefined ? undefined : labels[name];
    const columns = isRowLabels(entry) ? Object.keys(entry.fields) : [];
    return [names.indexOf(name ?? ''), index === undefined ? -1 : Number(index), column === undefined ? -1 : columns.indexOf(column)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return 0;
}
