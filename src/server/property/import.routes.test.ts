import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';
import { IMPORT_CONTENT_TYPE } from '../../domain/property/import.contract';

type Cell = string | number | Date | null;
const HEADER = ['楼栋', '单元', '房号', '楼层', '面积', '交房日期', '辖区', '姓名', '关系', '手机', '身份证号'];

async function xlsx(data: Cell[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业户导入');
  ws.addRow(header);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(STORE_KINDS)('Excel import of units and households on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let vacant: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await Client.login(t.app, 'admin');
    const [v] = await rows<{ code: string }>(
      t.store.db,
      sql`SELECT u.code FROM units u WHERE u.project_id = ${t.ids.p1} AND NOT EXISTS (SELECT 1 FROM households h WHERE h.unit_id = u.id) ORDER BY u.code LIMIT 1`,
    );
    vacant = v.code;
  });
  afterAll(() => t.close());

  const upload = (c: Client, body: Buffer | string, projectId = t.ids.p1, query = '', contentType = IMPORT_CONTENT_TYPE) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/import${query}`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': contentType },
      payload: body,
    });

  /** Everything an import could write, so "nothing written" is checked, not assumed. */
  const counts = async () =>
    (
      await rows<Record<string, number>>(
        t.store.db,
        sql`SELECT (SELECT count(*)::int FROM districts) AS districts, (SELECT count(*)::int FROM buildings) AS buildings,
                   (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM households) AS households,
                   (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM audit_log WHERE action = 'register.import') AS imports`,
      )
    )[0];

  const validSheet = () => {
    const [b, e, r] = vacant.split('-');
    return xlsx([
      ['21', 1, '1501', null, 96.4, '2026-01-15', '北区', '李建国', '业主', '13911112222', '110105198001011238'],
      ['21', 1, '1501', null, null, null, null, '李小华', '家庭成员', null, null],
      ['21', 1, '1502', null, 120, new Date(Date.UTC(2026, 0, 15)), '北区', '王芳', '业主', '021-62345678', null],
      ['21', 1, '1502', null, null, null, null, '赵磊', '租户', '+86 137 0000 1234', null],
      [b, Number(e), r, null, null, null, null, '钱进', '业主', '13600002222', null],
    ]);
  };

  it('imports a valid sheet in one go: units, households, persons, a new district and building, one audit entry', async () => {
    const before = await counts();
    const res = await upload(admin, await validSheet());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      rows: 5,
      units: 2,
      unitsExisting: 1,
      households: 3,
      persons: 5,
      districtsCreated: ['北区'],
      buildingsCreated: ['21'],
    });
    const after = await counts();
    expect(after).toEqual({ ...before, districts: before.districts + 1, buildings: before.buildings + 1, units: before.units + 2, households: before.households + 3, persons: before.persons + 5, imports: before.imports + 1 });

    const found = (await admin.get('/api/households?q=21-1-1501')).json().items;
    expect(found).toHaveLength(1);
    expect(found[0].unitCode).toBe('21-1-1501');
    expect(found[0].persons.map((p: { name: string; relation: string }) => `${p.relation}:${p.name}`).sort()).toEqual(['family:李小华', 'owner:李建国']);
    const detail = (await admin.get(`/api/households/${found[0].id}`)).json();
    expect(detail).toMatchObject({ floor: 15, areaM2: 96, handoverDate: '2026-01-15', districtName: '北区', buildingName: '21栋' });
    // The number normalised on the way in, so search by number finds the tenant's household.
    expect((await admin.post('/api/households/search', { q: '13700001234' })).json().items.map((h: { unitCode: string }) => h.unitCode)).toEqual(['21-1-1502']);
    expect((await admin.get(`/api/households?q=${vacant}`)).json().items).toHaveLength(1);

    const [audit] = await rows<{ detail: Record<string, number>; project_id: string }>(
      t.store.db,
      sql`SELECT detail, project_id FROM audit_log WHERE action = 'register.import' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.project_id).toBe(t.ids.p1);
    expect(audit.detail).toEqual({ rows: 5, units: 2, unitsExisting: 1, households: 3, persons: 5, districtsCreated: 1, buildingsCreated: 1 });
  });

  it('reports every bad row with its row number and reason, and writes nothing', async () => {
    const before = await counts();
    const res = await upload(
      admin,
      await xlsx([
        ['22', 1, '101', null, null, null, '北区', '甲', '业主', '12345', null],
        ['22', 1, '102', null, null, null, null, '乙', '房东', null, null],
        ['22', 1, '103', null, null, null, null, '', '业主', null, null],
        ['22', 1, '104', null, null, '2026-02-30', null, '丁', '业主', null, '123'],
        ['22', 1, '105', null, null, null, null, '戊', '家庭成员', null, null],
        ['22', 1, '106', null, null, null, null, '己', '业主', null, null],
        ['22', 1, '106', null, null, null, null, '己', '家庭成员', null, null],
        ['22', 1, '107', null, null, null, null, '庚', '业主', null, null],
      ]),
    );
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message).toBe('导入文件有错误，未导入任何数据');
    expect(err.errorCount).toBe(7);
    expect(err.rows).toEqual([
      { row: 2, column: '手机', message: '请输入正确的手机号或座机号' },
      { row: 3, column: '关系', message: '关系应为 业主/租户/家庭成员/紧急联系人' },
      { row: 4, column: '姓名', message: '请输入姓名' },
      { row: 5, column: '交房日期', message: '日期格式应为 YYYY-MM-DD' },
      { row: 5, column: '身份证号', message: '请输入正确的身份证号' },
      { row: 6, column: '关系', message: '房屋 22-1-105 没有业主：同一房屋至少要有一行关系为“业主”' },
      { row: 8, column: '姓名', message: '与第 7 行重复：同一房屋已有同名人员' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('rejects a unit that already has a household instead of merging into it', async () => {
    const before = await counts();
    const res = await upload(admin, await xlsx([['3', 2, '1502', null, null, null, null, '冒名', '业主', null, null]]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.rows).toEqual([{ row: 2, column: '房号', message: expect.stringContaining('房屋 3-2-1502 已登记业户，导入不会合并') }]);
    expect(await counts()).toEqual(before);
    // Importing the same valid sheet twice is the same thing: the second run is refused whole.
    const again = await upload(admin, await validSheet());
    expect(again.statusCode).toBe(400);
    expect(again.json().error.rows.map((x: { row: number }) => x.row)).toEqual([2, 3, 4, 5, 6]);
    expect(await counts()).toEqual(before);
  });

  it('dryRun validates and counts without writing', async () => {
    const before = await counts();
    const sheet = await xlsx([['23', 1, '301', null, null, null, '南区', '孙立', '业主', null, null]]);
    const res = await upload(admin, sheet, t.ids.p1, '?dryRun=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, units: 1, households: 1, persons: 1, districtsCreated: ['南区'], buildingsCreated: ['23'] });
    expect(await counts()).toEqual(before);
    expect((await admin.get('/api/households?q=23-1-301')).json().items).toEqual([]);
  });

  it('answers a body that is not an xlsx with 400 and a clear message, never 500', async () => {
    const before = await counts();
    for (const body of [Buffer.from('this is not a spreadsheet'), Buffer.alloc(0), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])]) {
      const res = await upload(admin, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('.xlsx'), rows: [] });
    }
    const header = await upload(admin, await xlsx([['1', 1, '101']], ['楼栋', '单元', '房号']));
    expect(header.statusCode).toBe(400);
    expect(header.json().error.rows).toEqual([
      { row: 1, column: '姓名', message: '缺少“姓名”列(表头在第 1 行)' },
      { row: 1, column: '关系', message: '缺少“关系”列(表头在第 1 行)' },
    ]);
    const json = await upload(admin, '{"rows":[]}', t.ids.p1, '', 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await upload(admin, Buffer.alloc(11 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('is for roles with the import grant in their own projects only: others get 404', async () => {
    const sheet = await xlsx([['24', 1, '101', null, null, null, '东区', '周一', '业主', null, null]]);
    const kefu = await Client.login(t.app, 'kefu');
    expect((await upload(kefu, sheet)).statusCode).toBe(404);
    expect((await kefu.get(`/api/projects/${t.ids.p1}/import/template`)).statusCode).toBe(404);
    expect((await upload(admin, sheet, t.ids.p3)).statusCode).toBe(404);
    expect((await admin.get(`/api/projects/${t.ids.p3}/import/template`)).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/projects/${t.ids.p1}/import`, headers: { 'content-type': IMPORT_CONTENT_TYPE }, payload: sheet });
    expect(anonymous.statusCode).toBe(401);
    const zhuguan = await Client.login(t.app, 'zhuguan');
    expect((await upload(zhuguan, sheet, t.ids.p1, '?dryRun=1')).statusCode).toBe(200);
    expect((await upload(admin, sheet, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('serves a template with the header, an example row and a 关系 list, which imports cleanly once a row is filled in', async () => {
    const res = await admin.get(`/api/projects/${t.ids.p1}/import/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(IMPORT_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload.buffer.slice(res.rawPayload.byteOffset, res.rawPayload.byteOffset + res.rawPayload.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    expect(ws.getCell('H2').value).toBe('示例：张三');
    expect(ws.getCell('I2').dataValidation).toMatchObject({ type: 'list', formulae: ['"业主,租户,家庭成员,紧急联系人"'] });
    expect(ws.getCell('I500').dataValidation?.type).toBe('list');
    expect(String(wb.worksheets[1].getCell('A8').value)).toContain('东区');

    ws.getRow(3).values = ['25', 2, '0801', null, 88, '2026-03-01', '东区', '吴桐', '业主', '13500003333', '110105199003071239'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await counts();
    const imported = await upload(admin, filled);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 1, units: 1, households: 1, persons: 1, districtsCreated: [], buildingsCreated: ['25'] });
    expect((await counts()).persons).toBe(before.persons + 1);
    const [unit] = await rows<{ floor: number }>(t.store.db, sql`SELECT floor FROM units WHERE code = '25-2-0801'`);
    expect(unit.floor).toBe(8);
  });

  it('lets only one of two simultaneous imports of the same sheet through', async () => {
    const sheet = await xlsx([['26', 1, '101', null, null, null, '东区', '郑一', '业主', null, null]]);
    const before = await counts();
    const results = await Promise.all([upload(admin, sheet), upload(admin, sheet)]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 400]);
    expect((await counts()).households).toBe(before.households + 1);
  });

  it('keeps a huge error list bounded and says how many there were', async () => {
    const bad = Array.from({ length: 1200 }, (_, i): Cell[] => ['27', 1, String(101 + i), 1, null, null, '东区', `人${i}`, '业主', '12345', null]);
    const res = await upload(admin, await xlsx(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ errorCount: 1200, truncated: true });
    expect(res.json().error.rows).toHaveLength(1000);
    expect(res.json().error.rows[999]).toEqual({ row: 1001, column: '手机', message: '请输入正确的手机号或座机号' });
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/projects/{id}/import'].post.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['dryRun', 'id']);
    expect(doc.paths['/api/projects/{id}/import/template'].get).toBeDefined();
  });

  it('rooms in lettered buildings are found by room-code search, typed in either case or full-width', async () => {
    const res = await upload(admin, await xlsx([['a5701', 1, '101', null, 88, '2026-03-01', '北区', '孙立', '业主', '13811119999', null]]));
    expect(res.statusCode, res.body).toBe(200);
    for (const q of ['A5701-1-101', 'a5701-1-101', 'Ａ５７０１-1-101', 'A5701']) {
      const items = (await admin.get(`/api/households?q=${encodeURIComponent(q)}`)).json().items;
      expect(items.map((h: { unitCode: string }) => h.unitCode), q).toEqual(['A5701-1-101']);
    }
  });

  it('a workbook keeps its own size limit while JSON bodies over 256 KiB are refused with 413 before parsing', async () => {
    const big = Buffer.alloc(400 * 1024, 1);
    const asWorkbook = await upload(admin, big);
    expect(asWorkbook.statusCode).not.toBe(413); // read, and refused as a damaged workbook instead
    const json = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: `{"displayName":"${'x'.repeat(300 * 1024)}"}`,
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
