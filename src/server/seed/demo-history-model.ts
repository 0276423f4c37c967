import { createHash } from 'node:crypto';
import type { CallClass, CategoryKind } from '../../domain/calls/calls.table';
import type { Department } from '../../domain/complaints/complaints.table';

/** The demo history's inputs, its summary, and the texts and weights its records are drawn from (demo-history.ts). */

export interface HistoryHousehold {
  householdId: string;
  unitId: string;
  unitCode: string;
  districtId: string;
  handoverDate: string | null;
  ownerName: string;
  ownerPhone: string | null;
}

export interface HistoryCategory {
  id: string;
  code: string;
  label: string;
  kind: CategoryKind;
  warrantyCategory: string | null;
  vendorCategory: string | null;
}

export interface HistoryInput {
  projectId: string;
  now: Date;
  /** Demo user ids by user name. */
  users: Map<string, string>;
  categories: HistoryCategory[];
  vendors: { id: string; category: string; name: string; promisedMinutes: number }[];
  warrantyMonths: Record<string, number>;
  households: HistoryHousehold[];
  /** Keys the history lends and gets back (never the showcase unit's). */
  keys: { id: string; number: string }[];
  days?: number;
  seed?: number;
}

export interface HistorySummary {
  days: number;
  calls: number;
  workOrders: number;
  complaints: number;
  visits: number;
  helpRequests: number;
  keyLoans: number;
  byClass: Record<CallClass, number>;
}

/** The default span: two years of days before today. */
export const HISTORY_DAYS = 730;

/** A 1×1 white PNG: the signature image of the history's close-outs and loans (real ones are drawn on screen). */
export const SIGNATURE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');
export const SIGNATURE_SHA = createHash('sha256').update(SIGNATURE_PNG).digest('hex');

/** What callers say, by category code. */
export const CONTENT: Record<string, string[]> = {
  plumbing: ['厨房水槽下水堵塞', '卫生间地漏返水', '洗手盆水龙头漏水', '马桶水箱一直流水', '阳台水管接头渗水', '热水管爆管，已关总阀'],
  seepage: ['卫生间顶棚渗水', '外墙渗水，卧室墙面发霉', '楼上卫生间渗漏到我家', '飘窗下方墙面返潮'],
  electrical: ['厨房插座没电', '家里频繁跳闸', '卧室开关烧坏', '客厅部分回路断电'],
  fittings: ['入户门合页松动', '窗户关不严', '阳台推拉门卡住', '卫生间门把手脱落'],
  decoration: ['客厅墙面开裂', '卧室地板起鼓', '厨房瓷砖空鼓', '阳台墙面掉漆'],
  public: ['楼道灯不亮', '单元门禁刷卡无反应', '地下车库道闸不抬杆', '小区路灯不亮', '楼下垃圾桶满溢'],
  lift: ['电梯运行有异响', '电梯门关不上', '电梯停在半层，已安抚', '电梯按钮失灵'],
  telephone: ['座机没有拨号音', '固话杂音大'],
  broadband: ['宽带断网', '网络很慢，光猫红灯', 'wifi 连不上'],
  water_heater: ['热水器打不着火', '热水器出水不热'],
  intercom: ['可视对讲没有画面', '楼宇对讲门铃不响'],
  security_door: ['防盗门锁芯坏了打不开', '防盗门关不上'],
  neighbour: ['楼上装修噪音扰民', '邻居家狗夜间吠叫', '楼上漏水到楼下需协调', '邻居占用公共走道堆物'],
  suggestion: ['建议增加儿童游乐设施', '建议延长会所开放时间', '建议增设充电桩'],
  inquiry: ['咨询物业费缴费方式', '咨询停车位租赁', '咨询装修申请手续', '咨询停水通知时间', '咨询门卡补办', '咨询快递代收'],
  complaint: ['投诉保洁不及时', '投诉保安态度差', '投诉维修人员迟到', '投诉绿化修剪噪音'],
};

/** How often each category is heard (relative weights). */
export const WEIGHTS: Record<string, number> = {
  inquiry: 28, plumbing: 12, seepage: 4, electrical: 7, fittings: 5, decoration: 3, public: 10, lift: 4,
  telephone: 2, broadband: 5, water_heater: 3, intercom: 2, security_door: 2, neighbour: 6, suggestion: 2, complaint: 4,
};

export const REPLY_DONE: Record<string, string> = {
  inquiry: '已当场解答，业户表示清楚',
  repair: '已告知业户维修完成，业户确认',
  vendor: '已告知业户外联单位处理完毕',
  coordination: '已协调相关方，告知业户处理结果',
  complaint: '已告知业户投诉处理结果',
};

export const COMPLAINT_DEPT: Department[] = ['customer_service', 'engineering', 'security', 'environment'];

export const minutes = (m: number) => m * 60_000;
export const add = (d: Date, m: number) => new Date(d.getTime() + minutes(m));

export function weightedCategory(rand: () => number, cats: HistoryCategory[]): HistoryCategory {
  const pool = cats.filter((c) => WEIGHTS[c.code]);
  const total = pool.reduce((s, c) => s + WEIGHTS[c.code], 0);
  let r = rand() * total;
  for (const c of pool) {
    r -= WEIGHTS[c.code];
    if (r < 0) return c;
  }
  return pool[pool.length - 1];
}
