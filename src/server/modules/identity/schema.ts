import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns.js';

/** The organisational tree: the city, its departments and agencies, its wards, communes and special zone. */
export const units = pgTable(
  'units',
  {
    id: idColumn(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['city', 'department', 'agency', 'ward', 'commune', 'special_zone'] }).notNull(),
    parentId: uuid('parent_id'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_id_idx').on(t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'units_parent_id_fk' }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  // E-mail addresses compare case-insensitively.
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const roles = ['administrator', 'programme_manager', 'leader', 'unit_officer', 'reviewer', 'registered_user'] as const;
export type Role = (typeof roles)[number];

/** A role held on a unit, optionally over its whole sub-tree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    includesSubtree: boolean('includes_subtree').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('role_grants_user_role_unit_key').on(t.userId, t.role, t.unitId),
    index('role_grants_unit_id_idx').on(t.unitId),
  ],
);
