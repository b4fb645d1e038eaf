import { z } from 'zod';

/** A field's schema without the `.default()` / `.prefault()` / `.optional()` wrapped around it. */
type Undefaulted<T> =
  T extends z.ZodDefault<infer Inner>
    ? Undefaulted<Inner>
    : T extends z.ZodPrefault<infer Inner>
      ? Undefaulted<Inner>
      : T extends z.ZodOptional<infer Inner>
        ? Undefaulted<Inner>
        : T;

export type UpdateShape<Shape extends z.core.$ZodShape> = { -readonly [K in keyof Shape]: z.ZodOptional<Undefaulted<Shape[K]>> };

function undefaulted(field: z.core.$ZodType): z.core.$ZodType {
  const def = field._zod.def;
  if (def.type === 'default' || def.type === 'prefault' || def.type === 'optional') {
    return undefaulted((def as z.core.$ZodDefaultDef | z.core.$ZodPrefaultDef | z.core.$ZodOptionalDef).innerType);
  }
  return field;
}

/**
 * The body of a PATCH derived from the body that creates the resource: every field optional and
 * no defaults, so a field left out stays as it is instead of being reset to its default.
 * A field's own checks (length, format, range, its refinements) are kept. Rules across fields
 * cannot be checked on a part of the resource, so a create schema with object-level refinements
 * is refused; such rules belong in the service, on the resource as it will be after the change.
 */
export function updateSchemaOf<Shape extends z.core.$ZodShape, Config extends z.core.$ZodObjectConfig>(
  create: z.ZodObject<Shape, Config>,
): z.ZodObject<UpdateShape<Shape>, Config> {
  if ((create._zod.def.checks ?? []).length > 0) {
    throw new Error('updateSchemaOf: the create schema has object-level refinements; check them in the service on the merged resource');
  }
  const shape = Object.fromEntries(Object.entries(create.shape).map(([key, field]) => [key, z.optional(undefaulted(field))]));
  return create.extend(shape) as unknown as z.ZodObject<UpdateShape<Shape>, Config>;
}
