import { z } from 'zod';

/**
 * An entity id: 1–128 characters of letters, digits, `_ . : -`, starting with a letter or digit
 * (so it can never be `__proto__` or another dangerous key).
 * @category Validation
 */
export const IdSchema = /* @__PURE__ */ z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'expected an id');

/** A short piece of text: trimmed, 1–200 characters. @category Validation */
export const NameSchema = /* @__PURE__ */ z.string().trim().min(1).max(200);

/** A longer piece of text: 1–20,000 characters. @category Validation */
export const TextSchema = /* @__PURE__ */ z.string().trim().min(1).max(20_000);

/** A name in zh-CN with an optional English name. @category Validation */
export const LocalizedNameSchema = /* @__PURE__ */ z.strictObject({
  'zh-CN': NameSchema,
  en: NameSchema.optional(),
});

/** A name in zh-CN with an optional English name. @category Validation */
export type LocalizedName = z.infer<typeof LocalizedNameSchema>;
