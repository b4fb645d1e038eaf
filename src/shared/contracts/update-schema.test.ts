import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { updateSchemaOf } from './update-schema.js';

const create = z.object({
  code: z.string().min(2),
  title: z.string().trim().min(3).max(20),
  titleEn: z.string().max(20).default(''),
  dueOn: z.iso.date().nullable().default(null),
  isPublic: z.boolean().default(true),
  unitIds: z.array(z.uuid()).max(2).default([]),
  note: z.string().optional(),
});

describe('updateSchemaOf', () => {
  const update = updateSchemaOf(create);

  it('fills in nothing that was not sent', () => {
    expect(update.parse({})).toEqual({});
    expect(update.parse({ title: 'Đổi tên' })).toEqual({ title: 'Đổi tên' });
    expect(Object.keys(update.parse({ dueOn: '2027-01-31' }))).toEqual(['dueOn']);
  });

  it('keeps each field’s own checks, null included where the field takes it', () => {
    expect(update.safeParse({ title: 'ab' }).success).toBe(false);
    expect(update.safeParse({ unitIds: ['x'] }).success).toBe(false);
    expect(update.safeParse({ dueOn: '2027-02-30' }).success).toBe(false);
    expect(update.safeParse({ code: null }).success).toBe(false);
    expect(update.parse({ dueOn: null, title: '  Tên mới  ' })).toEqual({ dueOn: null, title: 'Tên mới' });
  });

  it('keeps the create schema’s handling of unknown keys', () => {
    expect(update.parse({ title: 'Tên mới', other: 1 })).toEqual({ title: 'Tên mới' });
    expect(updateSchemaOf(create.strict()).safeParse({ other: 1 }).success).toBe(false);
  });

  it('refuses a create schema with rules across fields, which a part of the resource cannot be checked against', () => {
    const withRule = z.object({ start: z.number(), end: z.number() }).refine((v) => v.start <= v.end);
    expect(() => updateSchemaOf(withRule)).toThrow(/object-level refinements/);
  });

  it('does not run a field’s transform for a field left out, so it cannot fill one in', () => {
    const filling = updateSchemaOf(
      z.object({
        tags: z
          .array(z.string())
          .optional()
          .transform((v) => v ?? []),
        title: z.string(),
      }),
    );
    expect(filling.parse({ title: 'Tên' })).toEqual({ title: 'Tên' });
    expect(filling.parse({ tags: ['a'] })).toEqual({ tags: ['a'] });
  });
});
