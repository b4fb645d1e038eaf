import { Writer, type Quad } from 'n3';
import { prefixes } from './graph.js';

export const rdfFormats = {
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
} as const;
export type RdfFormat = keyof typeof rdfFormats;

/** The format a client asks for in its Accept header, if it asks for RDF at all. */
export function negotiateRdf(accept: string | undefined): RdfFormat | null {
  const wanted = (accept ?? '').toLowerCase();
  for (const [format, type] of Object.entries(rdfFormats) as Array<[RdfFormat, string]>) if (wanted.includes(type)) return format;
  return null;
}

export function serialise(quads: readonly Quad[], format: RdfFormat): Promise<string> | string {
  if (format === 'jsonld') return JSON.stringify(toJsonLd(quads));
  if (format === 'rdf') return toRdfXml(quads);
  return new Promise((resolve, reject) => {
    const writer = new Writer({ prefixes });
    writer.addQuads([...quads]);
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

const nodeId = (term: Quad['subject'] | Quad['object']) => (term.termType === 'BlankNode' ? `_:${term.value}` : term.value);

/** Flattened, expanded JSON-LD: one node object per subject; no context to fetch, so any JSON-LD processor reads it. */
function toJsonLd(quads: readonly Quad[]) {
  const nodes = new Map<string, Record<string, JsonLdValue[] | string | string[]>>();
  for (const q of quads) {
    const id = nodeId(q.subject);
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (q.predicate.value === `${prefixes.rdf}type`) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), q.object.value];
      continue;
    }
    const value: JsonLdValue =
      q.object.termType === 'Literal'
        ? {
            '@value': q.object.value,
            ...(q.object.language
              ? { '@language': q.object.language }
              : q.object.datatype.value !== `${prefixes.xsd}string`
                ? { '@type': q.object.datatype.value }
                : {}),
          }
        : { '@id': nodeId(q.object) };
    node[q.predicate.value] = [...((node[q.predicate.value] as JsonLdValue[] | undefined) ?? []), value];
  }
  return { '@graph': [...nodes.values()] };
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function qname(iri: string): string {
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(namespace.length)))
      return `${prefix}:${iri.slice(namespace.length)}`;
  }
  throw new Error(`no prefix for predicate ${iri}`);
}

/** RDF/XML with one rdf:Description per subject: the form harvesters that predate JSON-LD read. */
function toRdfXml(quads: readonly Quad[]): string {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) bySubject.set(nodeId(q.subject), [...(bySubject.get(nodeId(q.subject)) ?? []), q]);
  const namespaces = Object.entries(prefixes)
    .map(([prefix, iri]) => ` xmlns:${prefix}="${iri}"`)
    .join('');
  const descriptions = [...bySubject.values()].map((group) => {
    const subject = group[0]!.subject;
    const about = subject.termType === 'BlankNode' ? `rdf:nodeID="${xmlEscape(subject.value)}"` : `rdf:about="${xmlEscape(subject.value)}"`;
    const properties = group.map((q) => {
      const name = qname(q.predicate.value);
      if (q.object.termType === 'Literal') {
        const attribute = q.object.language
          ? ` xml:lang="${q.object.language}"`
          : q.object.datatype.value !== `${prefixes.xsd}string`
            ? ` rdf:datatype="${xmlEscape(q.object.datatype.value)}"`
            : '';
        return `    <${name}${attribute}>${xmlEscape(q.object.value)}</${name}>`;
      }
      return q.object.termType === 'BlankNode'
        ? `    <${name} rdf:nodeID="${xmlEscape(q.object.value)}"/>`
        : `    <${name} rdf:resource="${xmlEscape(q.object.value)}"/>`;
    });
    return `  <rdf:Description ${about}>\n${properties.join('\n')}\n  </rdf:Description>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n${descriptions.join('\n')}\n</rdf:RDF>\n`;
}
