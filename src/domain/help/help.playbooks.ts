import type { Role } from '../shared/roles';
import type { HelpCategory } from './help.table';
import type { EscalationChain } from './help.escalation';
export * from './help.escalation';

/** The shift leader's and CS supervisor's minutes before the old fixed chain (kept for timers scheduled before the chains were data). */
export const ACK_CHAIN: { afterMinutes: number; roles: Role[] }[] = [
  { afterMinutes: 2, roles: ['guard_leader', 'cs_supervisor'] },
  { afterMinutes: 5, roles: ['centre_manager'] },
];

/** A step of a shipped playbook (the company edits its copy in help_playbook_steps). */
export interface PlaybookStepDefault {
  branch?: string;
  /** Steps with the same group run in parallel; groups run in order. */
  group: number;
  role: Role;
  title: string;
  instruction?: string;
  /** Due this many minutes after the incident's start. */
  limit?: number;
}

export interface PlaybookDefault {
  code: string;
  name: string;
  category: HelpCategory | null;
  branches?: string[];
  needsPatient?: boolean;
  keywords: string[];
  steps: PlaybookStepDefault[];
  /** The escalation chain; DEFAULT_ESCALATION when not given. */
  escalation?: EscalationChain;
}


/**
 * The playbooks a new project gets (HELP-5..11 and lift entrapment). Seeded per project as data; starting one
 * copies its steps into the incident.
 */
export const DEFAULT_PLAYBOOKS: PlaybookDefault[] = [
  {
    code: 'medical',
    name: '急救病人',
    category: 'medical',
    branches: ['hospital', 'call120', 'care'],
    needsPatient: true,
    keywords: ['急救', '救护车', '晕倒', '昏迷', '病人', '受伤', '120', '心脏病', '摔倒'],
    steps: [
      // HELP-6: take to hospital
      { branch: 'hospital', group: 1, role: 'front_desk', title: '通知保安部派两名保安到客服中心或患者家中等候（按距离）', limit: 2 },
      { branch: 'hospital', group: 1, role: 'guard_leader', title: '派两名保安到客服中心或患者家中等候', limit: 5 },
      { branch: 'hospital', group: 2, role: 'front_desk', title: '派车到患者楼下（或到客服中心接保安）', limit: 10 },
      { branch: 'hospital', group: 3, role: 'guard', title: '按求助人意愿送医：请家属同行并带必需品，不提供没把握的医疗建议，协助挂号、就诊、取药', instruction: '询问是否还需要其他帮助，向客服中心回报' },
      { branch: 'hospital', group: 4, role: 'guard_leader', title: '向保安值班负责人或客服管理员回报送医情况' },
      { branch: 'hospital', group: 5, role: 'front_desk', title: '记录处理经过，报服务中心经理（由经理决定是否进一步协助）' },
      // HELP-7: call 120
      { branch: 'call120', group: 1, role: 'front_desk', title: '了解病情，协助拨打 120（必要时确认），告知求助人小区入口有人等候', limit: 2 },
      { branch: 'call120', group: 2, role: 'guard_leader', title: '立即通知入口值班保安做好准备（必要时派人在入口等候）', limit: 3 },
      { branch: 'call120', group: 3, role: 'gate_guard', title: '在小区入口等候，引导救护车到户并协助', limit: 15 },
      { branch: 'call120', group: 4, role: 'guard_leader', title: '完成后向客服中心回报' },
      { branch: 'call120', group: 5, role: 'front_desk', title: '记录处理经过' },
      // HELP-8: send someone to help care
      { branch: 'care', group: 1, role: 'front_desk', title: '安排人员上门协助照料，告知求助人预计到达时间', limit: 3 },
      { branch: 'care', group: 2, role: 'guard', title: '到户协助照料，不提供没把握的医疗建议', limit: 15 },
      { branch: 'care', group: 3, role: 'front_desk', title: '记录处理经过，报服务中心经理' },
    ],
  },
  {
    code: 'security',
    name: '治安事件（盗窃、打架、抢劫、凶杀、投毒、交通事故）',
    category: 'security',
    keywords: ['盗窃', '被偷', '小偷', '打架', '斗殴', '抢劫', '凶杀', '投毒', '车祸', '交通事故', '报警', '110'],
    steps: [
      { group: 1, role: 'front_desk', title: '立即报告保安部，记录报案人、地点和经过', limit: 2 },
      { group: 2, role: 'guard_leader', title: '到场确认情况，保护现场', limit: 5 },
      { group: 2, role: 'guard', title: '到场协助，维持秩序，保护现场', limit: 5 },
      { group: 3, role: 'guard_leader', title: '由在岗最高职位者决定是否报 110（伤者 120，交通事故 122）' },
      { group: 4, role: 'front_desk', title: '登记损失情况' },
      { group: 5, role: 'guard_leader', title: '提交书面报告' },
    ],
  },
  {
    code: 'gas',
    name: '煤气中毒',
    category: 'security',
    keywords: ['燃气', '煤气', '中毒', '漏气', '煤气味', '燃气泄漏'],
    steps: [
      { group: 1, role: 'front_desk', title: '提醒现场人员：不要开关电器、不要在现场打电话', limit: 1 },
      { group: 2, role: 'guard', title: '到场关闭燃气阀门，打开门窗通风', limit: 5 },
      { group: 2, role: 'eng_lead', title: '派工程人员到场协助关阀、检查', limit: 10 },
      { group: 3, role: 'front_desk', title: '通知燃气公司并拨打 120', limit: 3 },
      { group: 4, role: 'guard_leader', title: '完成后向客服中心回报' },
    ],
  },
  {
    code: 'typhoon',
    name: '台风',
    category: 'disaster',
    keywords: ['台风', '大风', '刮风'],
    steps: [
      { group: 1, role: 'front_desk', title: '向住户发布防台风通知' },
      { group: 1, role: 'eng_lead', title: '检查并加固外墙、广告牌、树木等设施' },
      { group: 2, role: 'guard_leader', title: '组织巡查，疏散危险区域人员' },
      { group: 3, role: 'front_desk', title: '拍照记录损失，供保险理赔' },
    ],
  },
  {
    code: 'flood',
    name: '水浸',
    category: 'disaster',
    keywords: ['水浸', '淹水', '进水', '水淹', '暴雨', '内涝'],
    steps: [
      { group: 1, role: 'front_desk', title: '向住户发布防汛通知' },
      { group: 1, role: 'eng_lead', title: '放置沙袋，必要时切断电源，电梯停到顶层', limit: 30 },
      { group: 2, role: 'guard_leader', title: '组织巡查，疏导车辆与人员' },
      { group: 3, role: 'front_desk', title: '拍照记录损失，供保险理赔' },
    ],
  },
  {
    code: 'fire',
    name: '火警',
    category: 'disaster',
    keywords: ['火', '火警', '着火', '失火', '冒烟', '烟雾', '119'],
    steps: [
      { group: 1, role: 'guard_leader', title: '立即到场确认火情，担任现场指挥', limit: 3 },
      { group: 1, role: 'front_desk', title: '通知保安部、工程部，准备疏散广播', limit: 2 },
      { group: 2, role: 'guard', title: '组织疏散，引导住户从安全通道撤离', limit: 5 },
      { group: 2, role: 'eng_lead', title: '切断相关电源，电梯停用并停到首层', limit: 5 },
      { group: 3, role: 'guard_leader', title: '按指挥者决定拨打 119，并在入口引导消防车' },
      { group: 4, role: 'front_desk', title: '拍照记录损失，供保险理赔' },
    ],
  },
  {
    code: 'lift',
    name: '电梯困人',
    category: 'other',
    keywords: ['电梯', '困人', '关在电梯', '电梯故障', '卡在电梯'],
    steps: [
      { group: 1, role: 'front_desk', title: '安抚被困人员，通知电梯维保单位', limit: 2 },
      { group: 1, role: 'guard', title: '到场与被困人员保持通话，维持秩序', limit: 5 },
      { group: 2, role: 'eng_lead', title: '维保或工程人员到场救援（30 分钟内）', limit: 30 },
      { group: 3, role: 'front_desk', title: '记录处理经过' },
    ],
  },
];
