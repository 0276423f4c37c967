import { z } from 'zod';
import { hasInvisible, NO_INVISIBLE_MESSAGE, normalizeTyped } from '../shared/text';
import { PERSON_RELATIONS, type PersonRelation } from './property.table';
import { idNumberSchema, personInput, phoneSchema } from './property.contract';
import { RELATION_LABELS } from './labels';

/**
 * Excel import of units and households (Foundation item 3). One sheet row per person; rows of
 * the same unit (楼栋-单元-房号) form one household. Isomorphic, so the web can show the same rules.
 */

export const IMPORT_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Data rows per file; larger registers are imported in several files. */
export const IMPORT_MAX_ROWS = 20_000;
/** Row errors sent back at most; `errorCount` still tells the total. */
export const IMPORT_MAX_ERRORS = 1_000;

/** Header titles, matched by title in any order. */
export const IMPORT_COLUMNS = {
  building: '楼栋',
  entrance: '单元',
  room: '房号',
  floor: '楼层',
  area: '面积',
  handover: '交房日期',
  district: '辖区',
  name: '姓名',
  relation: '关系',
  phone: '手机',
  idNumber: '身份证号',
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const IMPORT_COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];
export const IMPORT_REQUIRED_COLUMNS: readonly ImportColumn[] = ['building', 'entrance', 'room', 'name', 'relation'];

/** The template's example row; a row with this name is skipped, so a filled-in template imports as is. */
export const IMPORT_EXAMPLE_ROW: Record<ImportColumn, string> = {
  building: '3',
  entrance: '2',
  room: '1502',
  floor: '15',
  area: '89.5',
  handover: '2025-06-30',
  district: '东区',
  name: '示例：张三',
  relation: '业主',
  phone: '13800000000',
  idNumber: '',
};

export const RELATION_BY_LABEL: ReadonlyMap<string, PersonRelation> = new Map(PERSON_RELATIONS.map((r) => [RELATION_LABELS[r], r]));
export const RELATION_LABEL_LIST = PERSON_RELATIONS.map((r) => RELATION_LABELS[r]);

/** 1502 → 15, 101 → 1; rooms that are not 3+ digits give no floor. */
export function floorFromRoom(room: string): number | null {
  if (!/^\d{3,}$/.test(room)) return null;
  const floor = Number(room.slice(0, -2));
  return floor > 0 ? floor : null;
}

/** 2025/6/30, 2025-06-30, 2025.6.30 → 2025-06-30, or null when not a real calendar date. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** '138 1234 5678' / '+86 138-1234-5678' → 13812345678; landlines keep their dash. */
function compactMobile(s: string): string {
  const compact = s.replace(/[\s-]/g, '');
  return /^(\+?86)?1\d{10}$/.test(compact) ? compact.replace(/^\+?86/, '') : s;
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
const optional = <T>(inner: z.ZodType<T, string>) => z.string().transform(blankToNull).pipe(inner.nullable());
const code = (suffix: RegExp, required: string, invalid: string) =>
  z
    .string()
    // Full-width characters folded (Ａ５, ３), letters in upper case, as the room-code search reads them.
    .transform((s) => normalizeTyped(s).replace(suffix, '').trim().toUpperCase())
    .pipe(z.string().min(1, required).regex(/^[0-9A-Z]{1,10}$/, invalid));

/** One field per column; each takes the cell as text ('' when blank). Messages match the register's forms. */
export const importFieldSchemas = {
  building: code(/(号楼|栋|幢)$/, '请填写楼栋', '楼栋编号只能是字母或数字，如 3'),
  entrance: z
    .string()
    .trim()
    .transform((s) => s.replace(/单元$/, '').trim())
    .pipe(z.string().min(1, '请填写单元').regex(/^[1-9]\d?$/, '单元应为 1-99 的数字'))
    .transform(Number),
  room: code(/室$/, '请填写房号', '房号只能是字母或数字，如 1502'),
  floor: optional(
    z
      .string()
      .regex(/^-?\d{1,3}$/, '楼层应为整数，如 15')
      .transform(Number)
      .refine((n) => n !== 0 && n >= -9 && n <= 300, '楼层应在 -9 到 300 之间且不为 0'),
  ),
  area: optional(
    z
      .string()
      .transform((s) => s.replace(/(m²|m2|㎡|平方米|平米)$/i, '').trim())
      .pipe(z.string().regex(/^\d+(\.\d+)?$/, '面积应为数字(平方米)，如 89.5'))
      .transform(Number)
      .refine((n) => n > 0 && n <= 100_000, '面积应大于 0 且不超过 100000 平方米')
      // The register keeps whole square metres.
      .transform(Math.round),
  ),
  handover: optional(
    z.string().transform((s, ctx) => {
      const d = normaliseDate(s);
      if (d) return d;
      ctx.addIssue({ code: 'custom', message: '日期格式应为 YYYY-MM-DD' });
      return z.NEVER;
    }),
  ),
  district: optional(z.string().max(50, '辖区名称最多 50 字').refine((s) => !hasInvisible(s), NO_INVISIBLE_MESSAGE)),
  name: personInput.shape.name,
  relation: z
    .string()
    .trim()
    .min(1, '请选择关系')
    .transform((s, ctx) => {
      const r = RELATION_BY_LABEL.get(s);
      if (r) return r;
      ctx.addIssue({ code: 'custom', message: `关系应为 ${RELATION_LABEL_LIST.join('/')}` });
      return z.NEVER;
    }),
  // Spaces inside a number are common in hand-typed sheets; +86 is dropped so search by number finds it.
  phone: optional(z.string().transform(compactMobile).pipe(phoneSchema)),
  idNumber: optional(idNumberSchema),
};

export type ImportRow = { [K in ImportColumn]: z.output<(typeof importFieldSchemas)[K]> };

export const importQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun 只能是 0 或 1' }).optional(),
});

export const importRowError = z.object({
  row: z.number().int().describe('Excel 行号(表头为第 1 行)'),
  column: z.string().describe('列标题'),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int().describe('读取的数据行数'),
  units: z.number().int().describe('新建的房屋数'),
  unitsExisting: z.number().int().describe('已有房屋(无业户)上新登记的业户数'),
  households: z.number().int(),
  persons: z.number().int(),
  districtsCreated: z.array(z.string()).describe('新建的辖区名称'),
  buildingsCreated: z.array(z.string()).describe('新建的楼栋编号'),
});
export type ImportResult = z.infer<typeof importResult>;
