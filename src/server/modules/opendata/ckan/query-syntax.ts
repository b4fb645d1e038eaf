/**
 * The part of Solr's query syntax CKAN clients and harvesters send in `q` and `fq`: terms
 * (`word`, `field:value`, `field:"a phrase"`, `field:[A TO B]`, `field:(a OR b)`), `-`/`NOT`,
 * `+`, `AND`, `OR` and parentheses. Juxtaposed terms must all hold; `OR` binds the terms beside it
 * (`a b OR c` is a AND (b OR c)), which is what a harvester's `metadata_modified:[…] organization:x OR organization:y` means.
 */
export type QueryNode =
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; field: string | null; value: string }
  | { kind: 'range'; field: string; from: string | null; to: string | null; inclusive: boolean }
  | { kind: 'all' };

export class QuerySyntaxError extends Error {}

type Token = { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' | '-' | '+' } | { kind: 'term'; node: QueryNode };

function readUntil(text: string, start: number, close: string): number {
  const end = text.indexOf(close, start);
  if (end < 0) throw new QuerySyntaxError(`missing ${close}`);
  return end;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: c });
      i++;
      continue;
    }
    if ((c === '-' || c === '+') && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
      tokens.push({ kind: c });
      i++;
      continue;
    }
    const fieldMatch = /^([A-Za-z_][\w.]*):/.exec(text.slice(i));
    const field = fieldMatch ? fieldMatch[1]! : null;
    if (fieldMatch) i += fieldMatch[0].length;
    const v = text[i];
    if (v === '"') {
      const end = readUntil(text, i + 1, '"');
      tokens.push({ kind: 'term', node: { kind: 'term', field, value: text.slice(i + 1, end) } });
      i = end + 1;
    } else if (field && (v === '[' || v === '{')) {
      const end = readUntil(text, i + 1, v === '[' ? ']' : '}');
      const parts = text
        .slice(i + 1, end)
        .trim()
        .split(/\s+TO\s+/);
      if (parts.length !== 2) throw new QuerySyntaxError(`a range is written [A TO B]: ${text.slice(i, end + 1)}`);
      const bound = (b: string) => (b === '*' ? null : b.replace(/^"|"$/g, ''));
      tokens.push({ kind: 'term', node: { kind: 'range', field, from: bound(parts[0]!), to: bound(parts[1]!), inclusive: v === '[' } });
      i = end + 1;
    } else if (field && v === '(') {
      const end = readUntil(text, i + 1, ')');
      const inner = parseQuery(text.slice(i + 1, end));
      tokens.push({ kind: 'term', node: withField(inner, field) });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/[\s()]/.test(text[end]!)) end++;
      const word = text.slice(i, end);
      i = end;
      if (!field && (word === 'AND' || word === 'OR' || word === 'NOT')) tokens.push({ kind: word });
      else if (!field && word === '') throw new QuerySyntaxError('empty term');
      else if ((field === '*' || field === null) && word === '*:*') tokens.push({ kind: 'term', node: { kind: 'all' } });
      else tokens.push({ kind: 'term', node: { kind: 'term', field, value: word } });
    }
  }
  return tokens;
}

/** Gives the terms of `field:(a OR b)` their field. */
function withField(node: QueryNode, field: string): QueryNode {
  if (node.kind === 'term') return node.field === null ? { ...node, field } : node;
  if (node.kind === 'and' || node.kind === 'or') return { ...node, items: node.items.map((n) => withField(n, field)) };
  if (node.kind === 'not') return { ...node, item: withField(node.item, field) };
  return node;
}

export function parseQuery(text: string): QueryNode {
  if (text.trim() === '' || text.trim() === '*:*') return { kind: 'all' };
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  function unary(): QueryNode {
    const token = tokens[at++];
    if (!token) throw new QuerySyntaxError('the query ends too early');
    if (token.kind === 'NOT' || token.kind === '-') return { kind: 'not', item: unary() };
    if (token.kind === '+') return unary();
    if (token.kind === '(') {
      const inner = conjunction();
      if (tokens[at++]?.kind !== ')') throw new QuerySyntaxError('missing )');
      return inner;
    }
    if (token.kind === 'term') return token.node;
    throw new QuerySyntaxError(`unexpected ${token.kind}`);
  }
  function disjunction(): QueryNode {
    const items = [unary()];
    while (peek()?.kind === 'OR') {
      at++;
      items.push(unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  function conjunction(): QueryNode {
    const items = [disjunction()];
    while (at < tokens.length && peek()?.kind !== ')') {
      if (peek()?.kind === 'AND') at++;
      items.push(disjunction());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  const node = conjunction();
  if (at < tokens.length) throw new QuerySyntaxError('unbalanced )');
  return node;
}
