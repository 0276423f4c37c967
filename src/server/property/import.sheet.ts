import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import {
  floorFromRoom,
  IMPORT_COLUMN_KEYS,
  IMPORT_COLUMNS,
  IMPORT_EXAMPLE_ROW,
  IMPORT_MAX_ROWS,
  IMPORT_REQUIRED_COLUMNS,
  importFieldSchemas,
  type ImportColumn,
  type ImportRow,
  type ImportRowError,
} from '../../domain/property/import.contract';
import type { PersonRelation } from '../../domain/property/property.table';

/**
 * Reading and checking an import sheet: no database, no request. The service feeds the result
 * through planImport() with a snapshot of the register and writes only when both return no errors.
 */

export type OpenResult = { ok: true; sheet: Worksheet } | { ok: false; message: string };

/** A zip bomb must not reach exceljs (it inflates every part in memory): cap what the zip declares. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const NOT_XLSX = '文件不是有效的 Excel 工作簿(.xlsx)，未导入任何数据';

/** Total uncompressed size the zip's central directory declares; null when the bytes are not a zip. */
export function zipDeclaredSize(buf: Buffer): number | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any register
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

/** Opens the first worksheet; every way a file can be wrong becomes a Chinese message, never a throw. */
export async function openSheet(buf: Buffer): Promise<OpenResult> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    return { ok: false, message: '这是旧版 Excel(.xls)文件，请在 Excel 中另存为 .xlsx 后再导入' };
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, message: NOT_XLSX };
  const declared = zipDeclaredSize(buf);
  if (declared === null) return { ok: false, message: NOT_XLSX };
  if (declared > MAX_UNZIPPED_BYTES) return { ok: false, message: '文件解压后过大，请分批导入' };
  const wb = new ExcelJS.Workbook();
  // Data validations over whole columns expand to a million cells in exceljs; the import needs none.
  const options = { ignoreNodes: ['dataValidations', 'conditionalFormatting'], maxRows: IMPORT_MAX_ROWS * 5, maxCols: 200 };
  try {
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, options);
  } catch (err) {
    if (err instanceof Error && /^Max (row|c) count/.test(err.message)) return { ok: false, message: `行数过多：每次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入` };
    return { ok: false, message: NOT_XLSX };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { ok: false, message: '工作簿中没有工作表' };
  return { ok: true, sheet };
}

type Plain = string | number | boolean | Date | null;

/** Rich text, hyperlinks and formulas reduced to the value a person sees in the cell. */
export function plainValue(v: CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return plainValue(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plainValue(v.result as CellValue);
  if ('error' in v) return v.error;
  return null;
}

/** Excel's serial day number (1900 system) → YYYY-MM-DD. */
export function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The cell as the text its column schema reads, or an error that only the cell's type can explain. */
function cellText(col: ImportColumn, v: Plain): { text: string } | { error: string } {
  if (v === null) return { text: '' };
  // exceljs gives dates as UTC instants of the wall-clock date typed in.
  if (v instanceof Date) {
    return col === 'handover' ? { text: v.toISOString().slice(0, 10) } : { error: `单元格被 Excel 识别成了日期，请把“${IMPORT_COLUMNS[col]}”列设为文本格式后重填` };
  }
  if (typeof v === 'number') {
    if (col === 'handover') return { text: excelSerialToIso(v) };
    if (col === 'idNumber' && !Number.isSafeInteger(v)) return { error: '身份证号请以文本格式填写(数字格式会丢失末几位)' };
    return { text: String(v) };
  }
  return { text: String(v) };
}

/** '姓名*', ' 面积(m²) ', '手机（选填）' all read as their title. */
export const normaliseHeader = (s: string) => s.replace(/\s+/g, '').replace(/[（(【[].*?[）)】\]]/g, '').replace(/[*＊]/g, '');

export interface SheetPerson {
  row: number;
  name: string;
  relation: PersonRelation;
  phone: string | null;
  idNumber: string | null;
}

export interface SheetUnit {
  code: string;
  building: string;
  entrance: number;
  room: string;
  floor: number;
  areaM2: number | null;
  handoverDate: string | null;
  rows: number[];
  persons: SheetPerson[];
}

export interface SheetBuilding {
  code: string;
  district: string | null;
  /** Row that named the district, or the building's first row. */
  row: number;
}

export interface ParsedSheet {
  rows: number;
  units: SheetUnit[];
  buildings: SheetBuilding[];
  errors: ImportRowError[];
}

export type ReadResult = { ok: true; sheet: ParsedSheet } | { ok: false; message: string };

interface UnitAcc extends Omit<SheetUnit, 'floor'> {
  floor: number | null;
  firstOf: Partial<Record<'floor' | 'areaM2' | 'handoverDate', number>>;
  hasOwner: boolean;
  relationUnknown: boolean;
  names: Map<string, number>;
  ids: Map<string, number>;
}

const columnOrder = (c: string) => Object.values(IMPORT_COLUMNS).indexOf(c as (typeof IMPORT_COLUMNS)[ImportColumn]);
export const sortErrors = (errors: ImportRowError[]) => errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));

function headerMap(sheet: Worksheet, errors: ImportRowError[]): Map<ImportColumn, number> {
  const byTitle = new Map<string, ImportColumn>(IMPORT_COLUMN_KEYS.map((k) => [IMPORT_COLUMNS[k], k]));
  const cols = new Map<ImportColumn, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const v = plainValue(cell.value);
    const key = byTitle.get(normaliseHeader(v === null ? '' : String(v)));
    if (!key) return;
    if (cols.has(key)) errors.push({ row: 1, column: IMPORT_COLUMNS[key], message: `表头中“${IMPORT_COLUMNS[key]}”列出现了不止一次` });
    else cols.set(key, col);
  });
  for (const k of IMPORT_REQUIRED_COLUMNS) if (!cols.has(k)) errors.push({ row: 1, column: IMPORT_COLUMNS[k], message: `缺少“${IMPORT_COLUMNS[k]}”列(表头在第 1 行)` });
  return cols;
}

function parseField<K extends ImportColumn>(key: K, text: string): { ok: true; value: ImportRow[K] } | { ok: false; message: string } {
  const r = importFieldSchemas[key].safeParse(text);
  return r.success ? { ok: true, value: r.data as ImportRow[K] } : { ok: false, message: r.error.issues[0]?.message ?? '填写有误' };
}

/** Reads every data row; reports each bad cell, unit-level disagreements, duplicates and units without an owner. */
export function readSheet(sheet: Worksheet): ReadResult {
  const errors: ImportRowError[] = [];
  const cols = headerMap(sheet, errors);
  if (errors.length) return { ok: true, sheet: { rows: 0, units: [], buildings: [], errors } };
  const units = new Map<string, UnitAcc>();
  const buildings = new Map<string, SheetBuilding & { named: boolean }>();
  let count = 0;
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.findRow(n);
    if (!row) continue;
    const texts = {} as Record<ImportColumn, string>;
    const rowErrors: ImportRowError[] = [];
    for (const key of IMPORT_COLUMN_KEYS) {
      const col = cols.get(key);
      const t = col === undefined ? { text: '' } : cellText(key, plainValue(row.getCell(col).value));
      if ('error' in t) rowErrors.push({ row: n, column: IMPORT_COLUMNS[key], message: t.error });
      texts[key] = 'text' in t ? t.text : '';
    }
    if (rowErrors.length === 0 && IMPORT_COLUMN_KEYS.every((k) => texts[k].trim() === '')) continue;
    if (texts.name.trim() === IMPORT_EXAMPLE_ROW.name) continue;
    if (++count > IMPORT_MAX_ROWS) return { ok: false, message: `行数过多：每次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入` };

    const v: Partial<ImportRow> = {};
    for (const key of IMPORT_COLUMN_KEYS) {
      if (rowErrors.some((e) => e.column === IMPORT_COLUMNS[key])) continue;
      const r = parseField(key, texts[key]);
      if (r.ok) (v as Record<ImportColumn, unknown>)[key] = r.value;
      else rowErrors.push({ row: n, column: IMPORT_COLUMNS[key], message: r.message });
    }
    const err = (column: ImportColumn, message: string) => rowErrors.push({ row: n, column: IMPORT_COLUMNS[column], message });
    if (v.room !== undefined && v.floor === null && floorFromRoom(v.room) === null) err('floor', '无法从房号推出楼层，请填写楼层');

    if (v.building !== undefined) {
      const b = buildings.get(v.building);
      if (!b) buildings.set(v.building, { code: v.building, district: v.district ?? null, row: n, named: Boolean(v.district) });
      else if (v.district && !b.named) Object.assign(b, { district: v.district, row: n, named: true });
      else if (v.district && b.district !== v.district) err('district', `楼栋 ${v.building} 在第 ${b.row} 行填写的辖区是“${b.district}”，同一楼栋只能属于一个辖区`);
    }
    if (v.building !== undefined && v.entrance !== undefined && v.room !== undefined) {
      const code = `${v.building}-${v.entrance}-${v.room}`;
      let u = units.get(code);
      if (!u) {
        u = { code, building: v.building, entrance: v.entrance, room: v.room, floor: null, areaM2: null, handoverDate: null, rows: [], persons: [], firstOf: {}, hasOwner: false, relationUnknown: false, names: new Map(), ids: new Map() };
        units.set(code, u);
      }
      const unit = u;
      unit.rows.push(n);
      const agree = (field: 'floor' | 'areaM2' | 'handoverDate', column: ImportColumn, value: number | string | null | undefined) => {
        if (value === null || value === undefined) return;
        if (unit[field] === null) {
          Object.assign(unit, { [field]: value });
          unit.firstOf[field] = n;
        } else if (unit[field] !== value) {
          err(column, `同一房屋 ${code} 在第 ${unit.firstOf[field]} 行填写的${IMPORT_COLUMNS[column]}是 ${unit[field]}，与本行的 ${value} 不一致`);
        }
      };
      agree('floor', 'floor', v.floor);
      agree('areaM2', 'area', v.area);
      agree('handoverDate', 'handover', v.handover);
      if (v.relation === undefined) unit.relationUnknown = true;
      else if (v.relation === 'owner') unit.hasOwner = true;
      if (v.name !== undefined) {
        const seen = unit.names.get(v.name);
        if (seen !== undefined) err('name', `与第 ${seen} 行重复：同一房屋已有同名人员`);
        else unit.names.set(v.name, n);
      }
      if (v.idNumber) {
        const seen = unit.ids.get(v.idNumber);
        if (seen !== undefined) err('idNumber', `与第 ${seen} 行的身份证号重复`);
        else unit.ids.set(v.idNumber, n);
      }
      if (rowErrors.length === 0 && v.name !== undefined && v.relation !== undefined) {
        unit.persons.push({ row: n, name: v.name, relation: v.relation, phone: v.phone ?? null, idNumber: v.idNumber ?? null });
      }
    }
    errors.push(...rowErrors);
  }
  if (count === 0) return { ok: false, message: '表格中没有数据行(第 1 行是表头，数据从第 2 行开始)' };
  const out: SheetUnit[] = [];
  for (const u of units.values()) {
    if (!u.hasOwner && !u.relationUnknown) errors.push({ row: u.rows[0], column: IMPORT_COLUMNS.relation, message: `房屋 ${u.code} 没有业主：同一房屋至少要有一行关系为“业主”` });
    out.push({ code: u.code, building: u.building, entrance: u.entrance, room: u.room, floor: u.floor ?? floorFromRoom(u.room) ?? 0, areaM2: u.areaM2, handoverDate: u.handoverDate, rows: u.rows, persons: u.persons });
  }
  const bs = [...buildings.values()].map(({ code, district, row }) => ({ code, district, row }));
  return { ok: true, sheet: { rows: count, units: out, buildings: bs, errors: sortErrors(errors) } };
}

/** The register as it stands, as far as the sheet touches it. */
export interface RegisterSnapshot {
  /** district names of the project */
  districts: ReadonlyMap<string, unknown>;
  buildings: ReadonlyMap<string, { district: string }>;
  units: ReadonlyMap<string, { hasHousehold: boolean }>;
}

export interface ImportPlan {
  districts: string[];
  buildings: { code: string; district: string }[];
  newUnits: SheetUnit[];
  existingUnits: SheetUnit[];
}

/** What the sheet would change, or why it must not: never merges into a unit that already has a household. */
export function planImport(sheet: ParsedSheet, reg: RegisterSnapshot): { errors: ImportRowError[]; plan: ImportPlan } {
  const errors: ImportRowError[] = [];
  const plan: ImportPlan = { districts: [], buildings: [], newUnits: [], existingUnits: [] };
  for (const b of sheet.buildings) {
    const existing = reg.buildings.get(b.code)?.district;
    if (existing !== undefined) {
      if (b.district && b.district !== existing) errors.push({ row: b.row, column: IMPORT_COLUMNS.district, message: `楼栋 ${b.code} 已属于“${existing}”辖区，与填写的“${b.district}”不符` });
    } else if (!b.district) {
      errors.push({ row: b.row, column: IMPORT_COLUMNS.district, message: `楼栋 ${b.code} 尚未登记，请填写它所属的辖区` });
    } else {
      plan.buildings.push({ code: b.code, district: b.district });
      if (!reg.districts.has(b.district) && !plan.districts.includes(b.district)) plan.districts.push(b.district);
    }
  }
  for (const u of sheet.units) {
    const existing = reg.units.get(u.code);
    if (existing?.hasHousehold) {
      for (const row of u.rows) errors.push({ row, column: IMPORT_COLUMNS.room, message: `房屋 ${u.code} 已登记业户，导入不会合并：请在业户页面修改，或从表中删去这些行` });
    } else if (existing) plan.existingUnits.push(u);
    else plan.newUnits.push(u);
  }
  return { errors: sortErrors(errors), plan };
}
