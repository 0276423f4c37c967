import { serviceCategories, vendorMembers, vendors } from '../../domain/calls/calls.table';
import type { CategoryKind } from '../../domain/calls/calls.table';
import type { Executor } from '../db/store';

/** Default categories of what households report, with whose responsibility each is (CALL-12). */
export const DEFAULT_CATEGORIES: { code: string; label: string; kind: CategoryKind; warrantyCategory?: string; vendorCategory?: string; scopeNote: string }[] = [
  { code: 'plumbing', label: '水管漏水/堵塞', kind: 'repair', warrantyCategory: 'plumbing', scopeNote: '户内给排水管道：保修期内由开发商保修，期满后由物业维修（材料费由业户承担）' },
  { code: 'seepage', label: '卫生间/外墙渗漏', kind: 'repair', warrantyCategory: 'waterproofing', scopeNote: '防水工程保修 5 年，期内由开发商维修' },
  { code: 'electrical', label: '户内电路故障', kind: 'repair', warrantyCategory: 'electrical', scopeNote: '户内电气管线：保修期内由开发商保修；灯具、电器由业户自理' },
  { code: 'fittings', label: '门窗五金', kind: 'repair', warrantyCategory: 'fittings', scopeNote: '门窗五金保修 1 年' },
  { code: 'decoration', label: '墙地面开裂/起鼓', kind: 'repair', warrantyCategory: 'decoration', scopeNote: '开发商交付的装修部分保修 2 年；业户自行装修部分不在保修范围' },
  { code: 'public', label: '公共设施报修', kind: 'repair', scopeNote: '公共区域设施由物业负责，免费维修' },
  { code: 'telephone', label: '电话故障', kind: 'vendor', vendorCategory: 'telephone', scopeNote: '电话线路由电信公司负责，物业协助联系' },
  { code: 'broadband', label: '宽带故障', kind: 'vendor', vendorCategory: 'broadband', scopeNote: '宽带由宽带公司负责，物业按其承诺时间催办' },
  { code: 'water_heater', label: '热水器故障', kind: 'vendor', vendorCategory: 'water_heater', scopeNote: '热水器由厂家售后负责' },
  { code: 'intercom', label: '可视对讲故障', kind: 'vendor', vendorCategory: 'intercom', scopeNote: '可视对讲由安装单位负责' },
  { code: 'security_door', label: '防盗门故障', kind: 'vendor', vendorCategory: 'security_door', scopeNote: '防盗门由生产厂家负责' },
  { code: 'neighbour', label: '邻里纠纷/噪音', kind: 'coordination', scopeNote: '需与相关业户协调，客服中心协助' },
  { code: 'suggestion', label: '意见建议(需协调)', kind: 'coordination', scopeNote: '需协调多方，定期汇总上报服务中心' },
  { code: 'inquiry', label: '咨询', kind: 'inquiry', scopeNote: '当场解答' },
  { code: 'complaint', label: '投诉', kind: 'complaint', scopeNote: '按投诉处理程序办理' },
];

export const DEFAULT_VENDORS = [
  { category: 'telephone', name: '中国电信客服维修', contactName: '电信装维', contactPhone: '0755-10000001', promisedMinutes: 240 },
  { category: 'broadband', name: '城市宽带', contactName: '宽带维修组', contactPhone: '0755-86001234', promisedMinutes: 120 },
  { category: 'water_heater', name: '万和热水器售后', contactName: '售后服务部', contactPhone: '400-0000-123', promisedMinutes: 1440 },
  { category: 'intercom', name: '安居可视对讲', contactName: '维保组', contactPhone: '0755-86005678', promisedMinutes: 480 },
  { category: 'security_door', name: '盼盼防盗门售后', contactName: '售后', contactPhone: '400-0000-456', promisedMinutes: 1440 },
];

/** Categories and vendors of a project; the listed users act for the broadband vendor. */
export async function seedServiceDesk(tx: Executor, projectId: string, broadbandMembers: string[] = []): Promise<void> {
  await tx.insert(serviceCategories).values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, projectId, sort: i })));
  // DEMO_VENDOR_PROMISED_MINUTES shortens every vendor's promise, so a demo or a browser test can watch
  // an escalation happen without waiting hours.
  const promised = Number(process.env.DEMO_VENDOR_PROMISED_MINUTES) || undefined;
  const vs = await tx.insert(vendors).values(DEFAULT_VENDORS.map((v) => ({ ...v, projectId, promisedMinutes: promised ?? v.promisedMinutes }))).returning();
  const broadband = vs.find((v) => v.category === 'broadband')!;
  if (broadbandMembers.length) await tx.insert(vendorMembers).values(broadbandMembers.map((userId) => ({ vendorId: broadband.id, userId })));
}
