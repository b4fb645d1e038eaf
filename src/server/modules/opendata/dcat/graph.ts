import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { toIso } from '../../../lib/time.js';
import { licenceById } from '../licences.js';
import type { Dataset, DatasetResource, DatasetTheme } from '../schema.js';
import type { PackageParts } from '../ckan/presenter.js';
import { resourceDownloadPath } from '../ckan/presenter.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** The vocabularies DCAT-AP 3 uses, by prefix; also the serialisers' prefix list. */
export const prefixes = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  spdx: 'http://spdx.org/rdf/terms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

const term = (prefix: keyof typeof prefixes, local: string) => namedNode(`${prefixes[prefix]}${local}`);
const a = term('rdf', 'type');
const eu = (table: string, code: string) => namedNode(`http://publications.europa.eu/resource/authority/${table}/${code}`);
const dateTime = (value: string) => literal(toIso(value), term('xsd', 'dateTime'));

/** The EU access-right code for each access level. */
const accessRights = { open: 'PUBLIC', shared: 'RESTRICTED', private: 'NON_PUBLIC' } as const;
/** EU file-type codes for the formats resources have. */
const fileTypes: Record<string, string> = {
  CSV: 'CSV',
  XLSX: 'XLSX',
  JSON: 'JSON',
  GEOJSON: 'GEOJSON',
  PDF: 'PDF',
  HTML: 'HTML',
  XML: 'XML',
  ZIP: 'ZIP',
};

export type CatalogueInfo = {
  baseUrl: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  publisherName: string;
  modified: string | null;
};

export const catalogueIri = (baseUrl: string) => `${baseUrl}/catalog`;
export const datasetIri = (baseUrl: string, d: Pick<Dataset, 'id'>) => `${baseUrl}/dataset/${d.id}`;

/** Quads of one dataset with its distributions, publisher and contact point. */
export function datasetQuads(baseUrl: string, d: Dataset, parts: PackageParts): Quad[] {
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof term>, o: Quad_Object) => out.push(quad(s, p, o));
  const iri = namedNode(datasetIri(baseUrl, d));
  add(iri, a, term('dcat', 'Dataset'));
  add(iri, term('dct', 'identifier'), literal(d.id));
  add(iri, term('dct', 'title'), literal(d.titleVi, 'vi'));
  add(iri, term('dct', 'title'), literal(d.titleEn, 'en'));
  // A description is mandatory; a dataset without one is described by its title.
  add(iri, term('dct', 'description'), literal(d.descriptionVi || d.titleVi, 'vi'));
  add(iri, term('dct', 'description'), literal(d.descriptionEn || d.titleEn, 'en'));
  if (d.publishedAt) add(iri, term('dct', 'issued'), dateTime(d.publishedAt));
  add(iri, term('dct', 'modified'), dateTime(d.updatedAt));
  for (const keyword of d.keywords) add(iri, term('dcat', 'keyword'), literal(keyword, 'vi'));
  for (const name of d.themes) {
    const theme = parts.themeRows.find((t: DatasetTheme) => t.name === name);
    if (theme) add(iri, term('dcat', 'theme'), eu('data-theme', theme.euTheme));
  }
  add(iri, term('dct', 'language'), eu('language', 'VIE'));
  add(iri, term('dct', 'accessRights'), eu('access-right', accessRights[d.accessLevel]));
  if (d.updateFrequency !== 'UNKNOWN') add(iri, term('dct', 'accrualPeriodicity'), eu('frequency', d.updateFrequency));
  if (d.versionInfo) add(iri, term('dcat', 'version'), literal(d.versionInfo));
  add(iri, term('dcat', 'landingPage'), namedNode(`${baseUrl}/du-lieu-mo/${d.name}`));
  for (const standard of d.conformsTo) add(iri, term('dct', 'conformsTo'), namedNode(standard));

  const unit = parts.unitRows.find((u) => u.id === d.publisherUnitId);
  if (unit) {
    const publisher = namedNode(`${baseUrl}/organization/${unit.code.toLowerCase()}`);
    add(iri, term('dct', 'publisher'), publisher);
    add(publisher, a, term('foaf', 'Agent'));
    add(publisher, term('foaf', 'name'), literal(unit.nameVi, 'vi'));
    add(publisher, term('foaf', 'name'), literal(unit.nameEn, 'en'));
  }
  const contact = blankNode(`contact-${d.id}`);
  add(iri, term('dcat', 'contactPoint'), contact);
  add(contact, a, term('vcard', 'Kind'));
  add(contact, term('vcard', 'fn'), literal(d.contactName));
  add(contact, term('vcard', 'hasEmail'), namedNode(`mailto:${d.contactEmail}`));
  if (d.temporalStart || d.temporalEnd) {
    const period = blankNode(`temporal-${d.id}`);
    add(iri, term('dct', 'temporal'), period);
    add(period, a, term('dct', 'PeriodOfTime'));
    if (d.temporalStart) add(period, term('dcat', 'startDate'), literal(d.temporalStart, term('xsd', 'date')));
    if (d.temporalEnd) add(period, term('dcat', 'endDate'), literal(d.temporalEnd, term('xsd', 'date')));
  }
  if (d.spatial) {
    const place = blankNode(`spatial-${d.id}`);
    add(iri, term('dct', 'spatial'), place);
    add(place, a, term('dct', 'Location'));
    add(place, term('skos', 'prefLabel'), literal(d.spatial, 'vi'));
  }
  const licence = licenceById(d.licenceId);
  for (const r of parts.resourceRows.filter((r: DatasetResource) => r.datasetId === d.id).sort((x, y) => x.position - y.position)) {
    const file = parts.files.find((f) => f.id === r.attachmentId);
    const distribution = namedNode(`${baseUrl}/dataset/${d.id}/resource/${r.id}`);
    add(iri, term('dcat', 'distribution'), distribution);
    add(distribution, a, term('dcat', 'Distribution'));
    const url = r.kind === 'link' ? (r.url ?? baseUrl) : `${baseUrl}${resourceDownloadPath(r.id)}`;
    add(distribution, term('dcat', 'accessURL'), namedNode(url));
    if (r.kind !== 'link') add(distribution, term('dcat', 'downloadURL'), namedNode(url));
    add(distribution, term('dct', 'title'), literal(r.nameVi, 'vi'));
    add(distribution, term('dct', 'title'), literal(r.nameEn, 'en'));
    if (r.descriptionVi) add(distribution, term('dct', 'description'), literal(r.descriptionVi, 'vi'));
    add(distribution, term('dct', 'modified'), dateTime(r.updatedAt));
    const fileType = fileTypes[r.format.toUpperCase()];
    if (fileType) add(distribution, term('dct', 'format'), eu('file-type', fileType));
    const mediaType = file?.mediaType ?? (r.kind === 'live' ? 'text/csv' : null);
    if (mediaType) add(distribution, term('dcat', 'mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${mediaType}`));
    if (licence?.url) add(distribution, term('dct', 'license'), namedNode(licence.url));
    if (file) {
      add(distribution, term('dcat', 'byteSize'), literal(String(file.sizeBytes), term('xsd', 'nonNegativeInteger')));
      const checksum = blankNode(`checksum-${r.id}`);
      add(distribution, term('spdx', 'checksum'), checksum);
      add(checksum, a, term('spdx', 'Checksum'));
      add(checksum, term('spdx', 'algorithm'), term('spdx', 'checksumAlgorithm_sha256'));
      add(checksum, term('spdx', 'checksumValue'), literal(file.sha256, term('xsd', 'hexBinary')));
    }
  }
  if (licence?.url) {
    add(namedNode(licence.url), a, term('dct', 'LicenseDocument'));
  }
  return out;
}

export type Paging = { page: number; pageSize: number; total: number; pageUrl: (page: number) => string };

/** The catalogue with one page of its datasets, its CKAN API as a data service, and Hydra paging links. */
export function catalogueQuads(info: CatalogueInfo, rows: readonly Dataset[], parts: PackageParts, paging: Paging): Quad[] {
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof term>, o: Quad_Object) => out.push(quad(s, p, o));
  const catalogue = namedNode(catalogueIri(info.baseUrl));
  add(catalogue, a, term('dcat', 'Catalog'));
  add(catalogue, term('dct', 'title'), literal(info.title.vi, 'vi'));
  add(catalogue, term('dct', 'title'), literal(info.title.en, 'en'));
  add(catalogue, term('dct', 'description'), literal(info.description.vi, 'vi'));
  add(catalogue, term('dct', 'description'), literal(info.description.en, 'en'));
  add(catalogue, term('foaf', 'homepage'), namedNode(`${info.baseUrl}/`));
  add(catalogue, term('dct', 'language'), eu('language', 'VIE'));
  add(catalogue, term('dct', 'language'), eu('language', 'ENG'));
  add(catalogue, term('dcat', 'themeTaxonomy'), namedNode('http://publications.europa.eu/resource/authority/data-theme'));
  if (info.modified) add(catalogue, term('dct', 'modified'), dateTime(info.modified));
  const publisher = namedNode(`${info.baseUrl}/organization/catalogue-publisher`);
  add(catalogue, term('dct', 'publisher'), publisher);
  add(publisher, a, term('foaf', 'Agent'));
  add(publisher, term('foaf', 'name'), literal(info.publisherName, 'vi'));
  const service = namedNode(`${info.baseUrl}/api/3/action`);
  add(catalogue, term('dcat', 'service'), service);
  add(service, a, term('dcat', 'DataService'));
  add(service, term('dct', 'title'), literal('CKAN Action API v3', 'en'));
  add(service, term('dcat', 'endpointURL'), service);
  for (const d of rows) {
    add(catalogue, term('dcat', 'dataset'), namedNode(datasetIri(info.baseUrl, d)));
    add(service, term('dcat', 'servesDataset'), namedNode(datasetIri(info.baseUrl, d)));
    out.push(...datasetQuads(info.baseUrl, d, parts));
  }
  const lastPage = Math.max(1, Math.ceil(paging.total / paging.pageSize));
  const view = namedNode(paging.pageUrl(paging.page));
  add(view, a, term('hydra', 'PartialCollectionView'));
  add(view, term('hydra', 'totalItems'), literal(String(paging.total), term('xsd', 'integer')));
  add(view, term('hydra', 'itemsPerPage'), literal(String(paging.pageSize), term('xsd', 'integer')));
  add(view, term('hydra', 'first'), namedNode(paging.pageUrl(1)));
  add(view, term('hydra', 'last'), namedNode(paging.pageUrl(lastPage)));
  if (paging.page > 1) add(view, term('hydra', 'previous'), namedNode(paging.pageUrl(paging.page - 1)));
  if (paging.page < lastPage) add(view, term('hydra', 'next'), namedNode(paging.pageUrl(paging.page + 1)));
  return out;
}
