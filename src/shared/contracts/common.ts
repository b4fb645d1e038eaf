import { z } from 'zod';

/** Text stored and served in both languages; Vietnamese is the default. */
export const localizedTextSchema = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
/** The cookie that tells the server the visitor's language (the web app keeps it with its own choice). */
export const localeCookieName = 'doimoi_locale';

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
