import { z } from 'zod';

/**
 * What users type into codes, phones, ID numbers and searches, read as they meant it: full-width digits and
 * letters (３-２-１５０２, ＡＢＣ) folded to ASCII by Unicode NFKC, outer spaces trimmed.
 */
export const normalizeTyped = (s: string): string => s.normalize('NFKC').trim();

/** A string schema that normalises (NFKC, trim) before its own checks. */
export const typed = <T extends z.ZodType<unknown, string>>(inner: T) => z.string().transform(normalizeTyped).pipe(inner);

/**
 * Zero-width, soft hyphen, BOM and bidirectional controls: invisible on screen, used to make two names look the
 * same or a name read backwards (visual spoofing).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
export const hasInvisible = (s: string): boolean => INVISIBLE.test(s);
export const NO_INVISIBLE_MESSAGE = '不能包含不可见字符或文字方向控制字符';

/** Names, codes and addresses: trimmed, no invisible or direction-control characters. */
export const plainText = (opts: { min?: number; max: number; required?: string; tooLong?: string }) =>
  z
    // A field left out says what to fill in, as an empty one does (not zod's generic "expected string").
    .string({ error: (issue) => (issue.input === undefined ? (opts.required ?? '请填写') : undefined) })
    .trim()
    .min(opts.min ?? 1, opts.required ?? '请填写')
    .max(opts.max, opts.tooLong ?? `最多 ${opts.max} 字`)
    .refine((s) => !hasInvisible(s), NO_INVISIBLE_MESSAGE);

/**
 * A query-string boolean read strictly: true/1 or false/0, anything else is a 400. (z.coerce.boolean() reads
 * "false" as true: any non-empty string is truthy.)
 */
export const queryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: '应为 true 或 false' })
  .transform((v) => v === true || v === 'true' || v === '1');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643: the 18th character of a resident ID is the check digit of the first 17. */
export function idCheckDigitOk(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}
