import type { HelpCategory, HelpOutcome, HelpStatus, HelpStepStatus } from './help.table';

/** Chinese names for the UI. Pure: the web bundle imports it. HELP-1's letters a–g go with them. */
export const HELP_CATEGORY_LABELS: Record<HelpCategory, string> = {
  medical: '急救病人',
  repair: '报修',
  complaint: '投诉',
  inquiry: '咨询',
  security: '治安事件',
  disaster: '台风、水浸、火警等灾害',
  other: '其他生活、工作求助',
};

/** Everyday words that point to a category (the desk types them into the search). */
export const HELP_CATEGORY_KEYWORDS: Record<HelpCategory, string[]> = {
  medical: ['急救', '救护车', '晕倒', '昏迷', '病人', '受伤', '120', '摔倒', '送医'],
  repair: ['报修', '漏水', '停电', '坏了', '维修', '堵塞', '跳闸'],
  complaint: ['投诉', '噪音', '态度', '不满'],
  inquiry: ['咨询', '请问', '怎么办理', '物业费', '什么时候'],
  security: ['盗窃', '小偷', '被偷', '打架', '抢劫', '投毒', '车祸', '交通事故', '报警', '燃气', '煤气', '中毒'],
  disaster: ['台风', '水浸', '淹水', '暴雨', '火', '火警', '着火', '冒烟'],
  other: ['电梯', '困人', '帮忙', '求助', '钥匙', '轮椅'],
};

export const HELP_STATUS_LABELS: Record<HelpStatus, string> = { open: '待答复', handling: '处理中', closed: '已结案' };
export const HELP_STEP_STATUS_LABELS: Record<HelpStepStatus, string> = { pending: '待确认', acknowledged: '已确认', done: '已完成' };
export const HELP_OUTCOME_LABELS: Record<HelpOutcome, string> = { solved: '已解决', answered: '已当场答复', referred: '已协助联系有关单位' };

/** The category an everyday word points to, for the desk's search (first match in the order above). */
export function suggestHelpCategory(text: string): HelpCategory | null {
  const s = text.trim();
  if (!s) return null;
  for (const [cat, words] of Object.entries(HELP_CATEGORY_KEYWORDS) as [HelpCategory, string[]][]) if (words.some((w) => s.includes(w))) return cat;
  return null;
}

/** The medical playbook's branches, as the desk names them (HELP-6, 7, 8). */
export const BRANCH_LABELS: Record<string, string> = { hospital: '送医院', call120: '拨打 120', care: '派人协助照料' };
