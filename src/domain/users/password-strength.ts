import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// Chinese feedback for the estimator (it ships English only); the keys are the library's own.
const zhCN = {
  warnings: {
    straightRow: '同一排相邻的按键很容易猜到',
    keyPattern: '短的键盘模式很容易猜到',
    simpleRepeat: '重复的字符（如 aaa）很容易猜到',
    extendedRepeat: '重复的字符组合（如 abcabc）很容易猜到',
    sequences: '常见的顺序（如 abc、123）很容易猜到',
    recentYears: '最近的年份很容易猜到',
    dates: '日期很容易猜到',
    topTen: '这是最常用的密码之一',
    topHundred: '这是很常用的密码',
    common: '这是常用密码',
    similarToCommon: '与常用密码相似',
    wordByItself: '单个词很容易猜到',
    namesByThemselves: '单独的姓名很容易猜到',
    commonNames: '常见姓名很容易猜到',
    userInputs: '不要使用用户名、姓名等个人信息',
    pwned: '该密码已在网上泄露过',
  },
  suggestions: {
    l33t: '避免用可预测的字母替换（如 @ 代替 a）',
    reverseWords: '避免把常用词倒过来写',
    allUppercase: '部分大写即可，不要全部大写',
    capitalization: '大写不只放在首字母',
    dates: '避免与自己有关的日期和年份',
    recentYears: '避免最近的年份',
    associatedYears: '避免与自己有关的年份',
    sequences: '避免常见的字符顺序',
    repeated: '避免重复的词和字符',
    longerKeyboardPattern: '使用更长的键盘模式，并多次改变方向',
    anotherWord: '再加几个不常见的词',
    useWords: '使用多个词，避免常见短语',
    noNeed: '不必使用符号、数字或大写字母也能设置强密码',
    pwned: '如在别处也用了这个密码，请一并修改',
  },
  timeEstimation: {
    ltSecond: '不到 1 秒',
    second: '{base} 秒',
    seconds: '{base} 秒',
    minute: '{base} 分钟',
    minutes: '{base} 分钟',
    hour: '{base} 小时',
    hours: '{base} 小时',
    day: '{base} 天',
    days: '{base} 天',
    month: '{base} 个月',
    months: '{base} 个月',
    year: '{base} 年',
    years: '{base} 年',
    centuries: '数百年',
  },
};

// Passwords common among Chinese users that the English lists miss (pinyin, numeric puns).
const CHINESE_COMMON = [
  'woaini', 'woaini1314', '5201314', '1314520', 'aini1314', 'iloveyou', 'zhang', 'wang', 'li', 'liu', 'chen', 'yang',
  'huang', 'zhao', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'wuye', 'kefu', 'jiahong', 'mima',
  'qwertyuiop', 'asdfghjkl', '147258369', '123qwe', 'qq123456', 'a123456', 'abc123456', '88888888', '66666666',
];

/** Score 0..4; below this a password is refused. 3: "safely unguessable" for an online attack with a throttle. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: zhCN,
    graphs: adjacencyGraphs,
    dictionary: { ...dictionary, chinese: CHINESE_COMMON },
  });
  return factory;
}

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  /** Chinese: why it is weak and what to do, empty when ok. */
  message: string;
}

/** Judges a password against common-password lists, patterns and the person's own details (username, name). */
export function judgePassword(password: string, personal: readonly string[]): PasswordVerdict {
  const r = estimator().check(password, personal.filter(Boolean).map((s) => s.toLowerCase()));
  if (r.score >= MIN_PASSWORD_SCORE) return { ok: true, score: r.score, message: '' };
  const parts = [r.feedback.warning, ...r.feedback.suggestions].filter((s): s is string => Boolean(s));
  return { ok: false, score: r.score, message: `密码太容易被猜到${parts.length ? `：${parts.join('；')}` : '，请加长或混合使用不相关的词'}` };
}
