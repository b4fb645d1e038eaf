import {
  ecosystemFieldNames,
  ecosystemFields,
  organisationKindNames,
  organisationKinds,
  sizeBandNames,
  sizeBands,
  startupStageNames,
  startupStages,
  type DirectoryExportRecord,
  type OrganisationBody,
} from '../../../shared/contracts/ecosystem.js';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import { foldDiacritics } from '../../../shared/text.js';

/**
 * The columns of an organisations file, named as the export names them, so a person can take an
 * export as the model of a file to import. Each maps to one field of the registration form.
 */
export const importColumns = {
  kind: 'kind',
  name_vi: 'nameVi',
  name_en: 'nameEn',
  fields: 'fields',
  stage: 'stage',
  serves_stages: 'servesStages',
  certificate_number: 'certificateNumber',
  certificate_date: 'certificateDate',
  address: 'address',
  ward_code: 'wardUnitId',
  founded_year: 'foundedYear',
  size_band: 'sizeBand',
  website: 'website',
  contact_email: 'contactEmail',
  contact_phone: 'contactPhone',
  description_vi: 'descriptionVi',
  description_en: 'descriptionEn',
} as const satisfies Record<string, keyof OrganisationBody>;
export type ImportColumn = keyof typeof importColumns;
export const requiredColumns: readonly ImportColumn[] = ['kind', 'name_vi'];

/**
 * The public export: what the directory's cards and pages show, without the contact details (a
 * file of every address is a mailing list for spam; the open-data dataset leaves them out too).
 */
export const exportColumns = [
  'slug',
  'kind',
  'name_vi',
  'name_en',
  'fields',
  'stage',
  'serves_stages',
  'certificate_number',
  'certificate_date',
  'address',
  'ward_code',
  'ward_name',
  'founded_year',
  'size_band',
  'website',
  'description_vi',
  'description_en',
  'verified_at',
  'is_unconfirmed',
  'is_illustrative',
  'url',
] as const satisfies ReadonlyArray<keyof DirectoryExportRecord>;
export type ExportColumn = (typeof exportColumns)[number];

/** Columns an export has that an import has no use for: accepted and left aside, so an edited export still imports. */
export const ignoredOnImport: ReadonlySet<string> = new Set(exportColumns.filter((c) => !(c in importColumns)));

const fold = (text: string) => foldDiacritics(text.normalize('NFC').trim()).replace(/\s+/g, ' ');

/** Finds a code from its code or its Vietnamese or English name, without regard to case or diacritics. */
function vocabulary<T extends string>(codes: readonly T[], names: Record<T, LocalizedText>): (text: string) => T | undefined {
  const byText = new Map<string, T>();
  for (const code of codes) for (const key of [code, names[code].vi, names[code].en]) byText.set(fold(key), code);
  return (text) => byText.get(fold(text));
}

export const kindOf = vocabulary(organisationKinds, organisationKindNames);
export const fieldOf = vocabulary(ecosystemFields, ecosystemFieldNames);
export const stageOf = vocabulary(startupStages, startupStageNames);
export const sizeBandOf = vocabulary(sizeBands, sizeBandNames);

/** "ai; fintech" or "Trí tuệ nhân tạo, Fintech" → its items. */
export const listItems = (text: string) =>
  text
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** How a list is written in a cell of the export. */
export const joinList = (items: readonly string[]) => items.join('; ');

/** The key two rows are the same organisation by: the same kind and the same name, diacritics and case aside. */
export const sameOrganisationKey = (kind: string, nameVi: string) => `${kind}|${fold(nameVi)}`;
export { fold as foldName };
