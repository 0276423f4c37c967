import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { IMPORT_EXAMPLE_ROW, IMPORT_MAX_ROWS } from '../../domain/property/import.contract';
import { excelSerialToIso, normaliseHeader, openSheet, planImport, readSheet, zipDeclaredSize, type ParsedSheet, type RegisterSnapshot } from './import.sheet';

type Cell = string | number | Date | null;
const HEADER = ['楼栋', '单元', '房号', '楼层', '面积', '交房日期', '辖区', '姓名', '关系', '手机', '身份证号'];

function sheetOf(rows: Cell[][], header: string[] = HEADER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return { wb, ws };
}

function parsed(rows: Cell[][], header?: string[]): ParsedSheet {
  const r = readSheet(sheetOf(rows, header).ws);
  if (!r.ok) throw new Error(r.message);
  return r.sheet;
}

const owner = (unit: [string, number | string, string], name: string, extra: Partial<Record<'floor' | 'area' | 'date' | 'district' | 'phone' | 'id' | 'relation', Cell>> = {}): Cell[] => [
  unit[0],
  unit[1],
  unit[2],
  extra.floor ?? null,
  extra.area ?? null,
  extra.date ?? null,
  'district' in extra ? (extra.district ?? null) : '东区',
  name,
  extra.relation ?? '业主',
  extra.phone ?? null,
  extra.id ?? null,
];

describe('readSheet', () => {
  it('reads one household per unit, derives the floor, normalises phone, date and area', () => {
    const s = parsed([
      owner(['3', 2, '1502'], '张伟', { phone: '+86 138 1234 5678', area: '89.6㎡', date: new Date(Date.UTC(2025, 5, 30)) }),
      owner(['3', 2, '1502'], '张小明', { relation: '家庭成员', id: '11010519491231002x' }),
      owner(['3栋', '1单元', 'A01'], '李四', { floor: 1 }),
    ]);
    expect(s.errors).toEqual([]);
    expect(s.rows).toBe(3);
    expect(s.units).toHaveLength(2);
    const [u, v] = s.units;
    expect(u).toMatchObject({ code: '3-2-1502', floor: 15, areaM2: 90, handoverDate: '2025-06-30', rows: [2, 3] });
    expect(u.persons).toEqual([
      { row: 2, name: '张伟', relation: 'owner', phone: '13812345678', idNumber: null },
      { row: 3, name: '张小明', relation: 'family', phone: null, idNumber: '11010519491231002X' },
    ]);
    expect(v).toMatchObject({ code: '3-1-A01', floor: 1 });
  });

  it('matches headers by title in any order, ignoring marks and units in brackets', () => {
    const header = ['姓名*', '关系', ' 房号 ', '单元', '楼栋', '面积(m²)', '手机（选填）', '备注'];
    const s = parsed([['王五', '业主', '101', 1, 9, 100, '13900001111', '随便写']], header);
    expect(s.errors).toEqual([]);
    expect(s.units[0]).toMatchObject({ code: '9-1-101', floor: 1, areaM2: 100 });
    expect(normaliseHeader('交房日期（YYYY-MM-DD）')).toBe('交房日期');
  });

  it('reports missing required columns on row 1', () => {
    const s = parsed([['3', 1, '101']], ['楼栋', '单元', '房号']);
    expect(s.errors).toEqual([
      { row: 1, column: '姓名', message: '缺少“姓名”列(表头在第 1 行)' },
      { row: 1, column: '关系', message: '缺少“关系”列(表头在第 1 行)' },
    ]);
  });

  it('reports every bad cell with its Excel row number, column and the register form messages', () => {
    const s = parsed([
      owner(['3', 1, '101'], '甲', { phone: '12345' }),
      owner(['3', 1, '102'], '乙', { relation: '房东' }),
      owner(['3', 1, '103'], ''),
      owner(['3', 1, '104'], '丙', { id: '123' }),
      owner(['3', 1, '105'], '丁', { date: '2025-13-01' }),
      owner(['3', 0, 'A1'], '戊'),
      owner(['3', 1, '106'], '己', { id: 110105199003071239 }),
    ]);
    expect(s.errors).toEqual([
      { row: 2, column: '手机', message: '请输入正确的手机号或座机号' },
      { row: 3, column: '关系', message: '关系应为 业主/租户/家庭成员/紧急联系人' },
      { row: 4, column: '姓名', message: '请输入姓名' },
      { row: 5, column: '身份证号', message: '请输入正确的身份证号' },
      { row: 6, column: '交房日期', message: '日期格式应为 YYYY-MM-DD' },
      { row: 7, column: '单元', message: '单元应为 1-99 的数字' },
      { row: 7, column: '楼层', message: '无法从房号推出楼层，请填写楼层' },
      { row: 8, column: '身份证号', message: '身份证号请以文本格式填写(数字格式会丢失末几位)' },
    ]);
  });

  it('reports duplicate persons, units without an owner, and unit or building facts that disagree', () => {
    const s = parsed([
      owner(['5', 1, '101'], '甲', { area: 90 }),
      owner(['5', 1, '101'], '甲', { relation: '家庭成员', area: 91 }),
      owner(['5', 1, '102'], '乙', { relation: '租户', district: '西区' }),
      owner(['5', 1, '103'], '丙', { id: '110105199003071239' }),
      owner(['5', 1, '103'], '丁', { relation: '紧急联系人', id: '110105199003071239' }),
    ]);
    expect(s.errors).toEqual([
      { row: 3, column: '面积', message: '同一房屋 5-1-101 在第 2 行填写的面积是 90，与本行的 91 不一致' },
      { row: 3, column: '姓名', message: '与第 2 行重复：同一房屋已有同名人员' },
      { row: 4, column: '辖区', message: '楼栋 5 在第 2 行填写的辖区是“东区”，同一楼栋只能属于一个辖区' },
      { row: 4, column: '关系', message: '房屋 5-1-102 没有业主：同一房屋至少要有一行关系为“业主”' },
      { row: 6, column: '身份证号', message: '与第 5 行的身份证号重复' },
    ]);
  });

  it('does not claim a missing owner when the relation cell itself was wrong', () => {
    const s = parsed([owner(['5', 1, '101'], '甲', { relation: '房主' })]);
    expect(s.errors.map((e) => e.column)).toEqual(['关系']);
  });

  it('skips blank rows and the template example row; an empty sheet is a file error', () => {
    const ex = Object.values(IMPORT_EXAMPLE_ROW);
    const s = parsed([ex, [], [null, null, '  '], owner(['1', 1, '101'], '甲')]);
    expect(s.errors).toEqual([]);
    expect(s.units[0].rows).toEqual([5]);
    expect(readSheet(sheetOf([ex]).ws)).toEqual({ ok: false, message: expect.stringContaining('没有数据行') });
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} data rows`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => owner(['1', 1, String(101 + i)], `人${i}`));
    expect(readSheet(sheetOf(rows).ws)).toEqual({ ok: false, message: expect.stringContaining(String(IMPORT_MAX_ROWS)) });
  });

  it('reads Excel serial dates', () => {
    expect(excelSerialToIso(45838)).toBe('2025-06-30');
    const s = parsed([owner(['1', 1, '101'], '甲', { date: 45838 })]);
    expect(s.units[0].handoverDate).toBe('2025-06-30');
  });
});

describe('planImport', () => {
  const reg: RegisterSnapshot = {
    districts: new Map([['东区', 'd1']]),
    buildings: new Map([['1', { district: '东区' }]]),
    units: new Map([
      ['1-1-101', { hasHousehold: true }],
      ['1-1-102', { hasHousehold: false }],
    ]),
  };

  it('plans new districts, buildings and units, and households on vacant units', () => {
    const s = parsed([owner(['1', 1, '102'], '甲', { district: null }), owner(['2', 1, '101'], '乙', { district: '北区' }), owner(['7', 1, '101'], '丙')]);
    const { errors, plan } = planImport(s, reg);
    expect(errors).toEqual([]);
    expect(plan.districts).toEqual(['北区']);
    expect(plan.buildings).toEqual([
      { code: '2', district: '北区' },
      { code: '7', district: '东区' },
    ]);
    expect(plan.newUnits.map((u) => u.code)).toEqual(['2-1-101', '7-1-101']);
    expect(plan.existingUnits.map((u) => u.code)).toEqual(['1-1-102']);
  });

  it('rejects every row of a unit that already has a household, a building in another district, and a new building without one', () => {
    const s = parsed([
      owner(['1', 1, '101'], '甲', { district: null }),
      owner(['1', 1, '101'], '乙', { relation: '租户', district: null }),
      owner(['1', 1, '103'], '丙', { district: '西区' }),
      owner(['8', 1, '101'], '丁', { district: null }),
    ]);
    const { errors } = planImport(s, reg);
    expect(errors).toEqual([
      { row: 2, column: '房号', message: expect.stringContaining('房屋 1-1-101 已登记业户') },
      { row: 3, column: '房号', message: expect.stringContaining('房屋 1-1-101 已登记业户') },
      { row: 4, column: '辖区', message: '楼栋 1 已属于“东区”辖区，与填写的“西区”不符' },
      { row: 5, column: '辖区', message: '楼栋 8 尚未登记，请填写它所属的辖区' },
    ]);
  });
});

describe('openSheet', () => {
  it('turns bytes that are not an xlsx into a message, never a throw', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('hello, not excel'), Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.alloc(40)])]) {
      expect(await openSheet(bytes)).toEqual({ ok: false, message: expect.stringContaining('.xlsx') });
    }
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect(await openSheet(xls)).toEqual({ ok: false, message: expect.stringContaining('另存为 .xlsx') });
    expect(zipDeclaredSize(Buffer.from('garbage'.repeat(10)))).toBeNull();
  });

  it('opens a written workbook and reads what was written', async () => {
    const { wb } = sheetOf([owner(['1', 1, '101'], '甲', { date: new Date(Date.UTC(2024, 0, 2)), phone: 13900001111 })]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipDeclaredSize(buf)).toBeGreaterThan(buf.length);
    const o = await openSheet(buf);
    if (!o.ok) throw new Error(o.message);
    const r = readSheet(o.sheet);
    expect(r.ok && r.sheet.units[0]).toMatchObject({ code: '1-1-101', handoverDate: '2024-01-02', persons: [{ phone: '13900001111' }] });
  });
});
