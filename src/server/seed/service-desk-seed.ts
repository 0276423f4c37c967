import { slaPolicies } from '../../domain/deadlines/deadlines.table';
import { DEFAULT_SLA_POLICIES } from '../../domain/deadlines/sla';
import { serviceCategories, vendorMembers, vendors } from '../../domain/calls/calls.table';
import type { CategoryKind } from '../../domain/calls/calls.table';
import type { Executor } from '../db/store';
import { OTHER_CATEGORY_CODE } from '../../domain/calls/category-search';

/**
 * Default categories of what households report, with whose responsibility each is (CALL-12), and the everyday
 * words, synonyms and pinyin initials (of the label and its main word) a desk types to find each one.
 */
export const DEFAULT_CATEGORIES: { code: string; label: string; kind: CategoryKind; warrantyCategory?: string; vendorCategory?: string; scopeNote: string; keywords: string[] }[] = [
  { code: 'plumbing', label: '水管漏水/堵塞', kind: 'repair', warrantyCategory: 'plumbing', scopeNote: '户内给排水管道：保修期内由开发商保修，期满后由物业维修（材料费由业户承担）', keywords: ['漏水', '渗水', '水管', '爆管', '堵塞', '堵了', '下水', '马桶', '地漏', '停水', '没水', '水压', '水龙头', 'sg', 'sglsds'] },
  { code: 'seepage', label: '卫生间/外墙渗漏', kind: 'repair', warrantyCategory: 'waterproofing', scopeNote: '防水工程保修 5 年，期内由开发商维修', keywords: ['渗漏', '渗水', '漏水', '外墙', '卫生间', '防水', '返潮', '发霉', 'ws', 'wsjwqsl'] },
  { code: 'electrical', label: '户内电路故障', kind: 'repair', warrantyCategory: 'electrical', scopeNote: '户内电气管线：保修期内由开发商保修；灯具、电器由业户自理', keywords: ['停电', '跳闸', '没电', '断电', '漏电', '插座', '开关', '电路', '电线', 'dl', 'hndlgz'] },
  { code: 'fittings', label: '门窗五金', kind: 'repair', warrantyCategory: 'fittings', scopeNote: '门窗五金保修 1 年', keywords: ['门窗', '窗户', '门锁', '锁', '合页', '把手', '关不上', '玻璃', 'mc', 'mcwj'] },
  { code: 'decoration', label: '墙地面开裂/起鼓', kind: 'repair', warrantyCategory: 'decoration', scopeNote: '开发商交付的装修部分保修 2 年；业户自行装修部分不在保修范围', keywords: ['开裂', '裂缝', '起鼓', '空鼓', '墙面', '地面', '瓷砖', '地板', '掉漆', 'kl', 'qdmkl'] },
  { code: 'public', label: '公共设施报修', kind: 'repair', scopeNote: '公共区域设施由物业负责，免费维修', keywords: ['电梯', '梯', '灯', '照明', '路灯', '楼道灯', '不亮', '燃气', '煤气', '天然气', '漏气', '火', '着火', '火警', '烟', '冒烟', '消防', '门禁', '门卡', '刷卡', '道闸', '停车场', '绿化', '垃圾', 'gg', 'ggss', 'ggssbx'] },
  { code: 'lift', label: '电梯故障/困人', kind: 'repair', scopeNote: '电梯由物业委托的维保单位维修；困人时立即通知维保单位到场并安抚被困人员', keywords: ['电梯', '梯', '困人', '关人', '卡人', '电梯停运', '电梯不动', '电梯异响', '停梯', 'dt', 'dtgz', 'kr'] },
  { code: 'telephone', label: '电话故障', kind: 'vendor', vendorCategory: 'telephone', scopeNote: '电话线路由电信公司负责，物业协助联系', keywords: ['电话', '座机', '固话', '没信号', 'dh', 'dhgz'] },
  { code: 'broadband', label: '宽带故障', kind: 'vendor', vendorCategory: 'broadband', scopeNote: '宽带由宽带公司负责，物业按其承诺时间催办', keywords: ['宽带', '网络', '上网', '网断', '没网', 'wifi', '光猫', 'kd', 'kdgz'] },
  { code: 'water_heater', label: '热水器故障', kind: 'vendor', vendorCategory: 'water_heater', scopeNote: '热水器由厂家售后负责', keywords: ['热水器', '热水', '没热水', '燃气热水器', 'rsq', 'rsqgz'] },
  { code: 'intercom', label: '可视对讲故障', kind: 'vendor', vendorCategory: 'intercom', scopeNote: '可视对讲由安装单位负责', keywords: ['对讲', '可视对讲', '门铃', '门禁', '楼宇对讲', 'dj', 'ksdj', 'ksdjgz'] },
  { code: 'security_door', label: '防盗门故障', kind: 'vendor', vendorCategory: 'security_door', scopeNote: '防盗门由生产厂家负责', keywords: ['防盗门', '入户门', '大门', '门锁', '打不开', 'fdm', 'fdmgz'] },
  { code: 'neighbour', label: '邻里纠纷/噪音', kind: 'coordination', scopeNote: '需与相关业户协调，客服中心协助', keywords: ['邻居', '噪音', '吵', '扰民', '装修噪音', '漏水到楼下', '宠物', '狗', '纠纷', 'lj', 'ljjf'] },
  { code: 'suggestion', label: '意见建议(需协调)', kind: 'coordination', scopeNote: '需协调多方，定期汇总上报服务中心', keywords: ['意见', '建议', '提议', '反映', 'yj', 'yjjy'] },
  { code: 'inquiry', label: '咨询', kind: 'inquiry', scopeNote: '当场解答', keywords: ['咨询', '问', '询问', '物业费', '缴费', '收费', '交费', '费用', '车位', '停车', '停车费', '车库', '办证', '通知', '停水', '停电', 'zx'] },
  { code: 'complaint', label: '投诉', kind: 'complaint', scopeNote: '按投诉处理程序办理', keywords: ['投诉', '不满', '服务态度', '态度', '差评', '举报', 'ts'] },
  { code: OTHER_CATEGORY_CODE, label: '其他', kind: 'repair', scopeNote: '暂无合适类别；来电所说的内容写入描述，由客服确认后处理', keywords: ['其它', '别的', '其他问题', 'qt'] },
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
  // DEMO_HELP_RESPONSE_MINUTES shortens the first-response limit of help requests (HELP-2: five minutes) the same way.
  const helpMinutes = Number(process.env.DEMO_HELP_RESPONSE_MINUTES) || undefined;
  if (helpMinutes) {
    const help = DEFAULT_SLA_POLICIES.find((p) => p.subjectKind === 'help_request')!;
    await tx.insert(slaPolicies).values({ projectId, subjectKind: 'help_request', class: null, level: null, dueMinutes: helpMinutes, warnBeforeMinutes: 0, ladder: help.ladder, reclassAfterMinutes: null });
  }
  const broadband = vs.find((v) => v.category === 'broadband')!;
  if (broadbandMembers.length) await tx.insert(vendorMembers).values(broadbandMembers.map((userId) => ({ vendorId: broadband.id, userId })));
}
