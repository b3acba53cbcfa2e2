/** The locales every message and label exists in. @category Labels */
export type Locale = 'zh-CN' | 'en';

/** The locales, in the order documents print them. @category Labels */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** One label in both locales. @category Labels */
export type Label = { readonly [L in Locale]: string };

/**
 * A label for every value of an enum `V`. Declaring a table with this type makes a missing or extra
 * value a compile error.
 * @category Labels
 * @example
 * type Colour = 'red' | 'blue';
 * const colourLabels: Labels<Colour> = { red: { 'zh-CN': '红', en: 'red' }, blue: { 'zh-CN': '蓝', en: 'blue' } };
 */
export type Labels<V extends string> = { readonly [K in V]: Label };

/**
 * The label of an enum value in a locale (zh-CN by default).
 * @category Labels
 * @example
 * label(colourLabels, 'red', 'en'); // 'red'
 */
export function label<V extends string>(table: Labels<V>, value: V, locale: Locale = 'zh-CN'): string {
  const entry = table[value];
  if (!entry) throw new Error(`[shijian] no label for ${String(value)}`);
  return entry[locale];
}
