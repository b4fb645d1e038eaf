import type { DatasetSummary, HistoryEntry, ResourceSummary, Theme } from '../../../shared/contracts/opendata.js';
import { toIso } from '../../lib/time.js';
import type { Dataset, DatasetResource, DatasetTheme } from './schema.js';

export const presentDataset = (d: Dataset): DatasetSummary => ({
  id: d.id,
  name: d.name,
  title: { vi: d.titleVi, en: d.titleEn },
  state: d.state,
  accessLevel: d.accessLevel,
  publisherUnitId: d.publisherUnitId,
  updatedAt: toIso(d.updatedAt),
});

export const presentResource = (r: DatasetResource): ResourceSummary => ({
  id: r.id,
  kind: r.kind,
  name: { vi: r.nameVi, en: r.nameEn },
  format: r.format,
  isDatastoreActive: r.datastoreTable !== null,
  dataDictionary: r.dataDictionary ?? null,
});

export const presentHistory = (row: { at: string; action: string; actorLabel: string }): HistoryEntry => ({
  at: toIso(row.at),
  action: row.action,
  actorLabel: row.actorLabel,
});

export const presentTheme = (t: DatasetTheme): Theme => ({ name: t.name, title: { vi: t.titleVi, en: t.titleEn }, euTheme: t.euTheme });
