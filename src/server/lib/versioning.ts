import { getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/client.js';
import { AppError } from './errors.js';

/** A table whose rows people edit: it has an id and an edit version (`editVersion()` in db/columns.ts). */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/** Which row a route reads or edits, for its ETag and its If-Match check. */
export type VersionedResource = { table: VersionedTable; id: (request: FastifyRequest) => string };

/** What an edit claims to start from: the row and the version its author loaded. */
export type Precondition = { table: VersionedTable; id: string; version: number };

/** Declares the row behind a route: `config: { policy, versioned: versionedBy(tasks, (r) => r.params.taskId) }`. */
export function versionedBy<P>(table: VersionedTable, id: (request: FastifyRequest & { params: P }) => string): VersionedResource {
  return { table, id: id as (request: FastifyRequest) => string };
}

export const etagOf = (version: number): string => `"${version}"`;

/** The version an If-Match header names (`"3"` or `W/"3"`); null when it names none we could have sent. */
export function versionFromIfMatch(header: string | undefined): number | null {
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header ?? '');
  return match ? Number(match[1]) : null;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The row's current version; null when there is no such row. */
export async function currentVersion(db: DbOrTx, table: VersionedTable, id: string): Promise<number | null> {
  if (!isUuid(id)) return null;
  const result = await db.execute<{ version: number }>(sql`select version from ${sql.identifier(getTableName(table))} where id = ${id}`);
  return result.rows[0]?.version ?? null;
}

export const ifMatchRequired = (): AppError =>
  new AppError('IF_MATCH_REQUIRED', {
    vi: 'Thiếu tiêu đề If-Match: hãy tải mục này trước khi sửa và gửi kèm ETag của phiên bản đã tải',
    en: 'If-Match is missing: load this item before editing it and send the ETag of the version you loaded',
  });

export const staleVersion = (loaded: number, current: number): AppError =>
  new AppError(
    'STALE_VERSION',
    {
      vi: 'Có người vừa thay đổi mục này sau khi bạn tải nó; hãy xem thay đổi của họ rồi sửa lại',
      en: 'Someone changed this item after you loaded it; review their change, then edit again',
    },
    { loadedVersion: loaded, currentVersion: current },
  );

/**
 * Raises the row's version if it is still the one the edit started from, inside the edit's
 * transaction: the row stays locked until commit, so of two edits from one version exactly one
 * goes through and the other gets 412. A missing row is left to the service (its 404).
 */
export async function claimVersion(tx: DbOrTx, precondition: Precondition): Promise<void> {
  const { table, id, version } = precondition;
  if (!isUuid(id)) return;
  const name = sql.identifier(getTableName(table));
  const claimed = await tx.execute(sql`update ${name} set version = version + 1 where id = ${id} and version = ${version} returning id`);
  if (claimed.rows.length > 0) return;
  const current = await currentVersion(tx, table, id);
  if (current !== null) throw staleVersion(version, current);
}
