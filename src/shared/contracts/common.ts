import { z } from 'zod';

/** Text stored and served in both languages; Vietnamese is the default. */
export const localizedTextSchema = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

/** The one error shape of the whole API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: localizedTextSchema,
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
