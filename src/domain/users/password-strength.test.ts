import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_SCORE, judgePassword } from './password-strength';

/*
 * The password rule of the accounts the administrator keeps (ARC-10: household data behind a sign-in that cannot be
 * guessed). Written by hand: what the desk sees for each kind of weak password, in Chinese.
 */
const WEAK: [password: string, message: string][] = [
  ['123456', '密码太容易被猜到：这是最常用的密码之一；再加几个不常见的词'],
  ['zxcvbn', '密码太容易被猜到：这是很常用的密码；再加几个不常见的词'],
  ['asdf', '密码太容易被猜到：这是常用密码；再加几个不常见的词'],
  ['aaaaaa', '密码太容易被猜到：重复的字符（如 aaa）很容易猜到；再加几个不常见的词；避免重复的词和字符'],
  ['abcabcabc', '密码太容易被猜到：重复的字符组合（如 abcabc）很容易猜到；再加几个不常见的词；避免重复的词和字符'],
  ['abcdef', '密码太容易被猜到：常见的顺序（如 abc、123）很容易猜到；再加几个不常见的词；避免常见的字符顺序'],
  ['2024', '密码太容易被猜到：最近的年份很容易猜到；再加几个不常见的词；避免最近的年份；避免与自己有关的年份'],
  ['1990-01-02', '密码太容易被猜到：日期很容易猜到；再加几个不常见的词；避免与自己有关的日期和年份'],
  ['Password1', '密码太容易被猜到：这是常用密码；再加几个不常见的词；大写不只放在首字母'],
  ['PASSWORD', '密码太容易被猜到：这是最常用的密码之一；再加几个不常见的词；部分大写即可，不要全部大写'],
  ['drowssap', '密码太容易被猜到：与常用密码相似；再加几个不常见的词；避免把常用词倒过来写'],
  ['p@ssw0rd', '密码太容易被猜到：与常用密码相似；再加几个不常见的词；避免用可预测的字母替换（如 @ 代替 a）'],
  ['zhangsan', '密码太容易被猜到：不要使用用户名、姓名等个人信息；再加几个不常见的词'],
];

describe('password strength', () => {
  it('the bar is score 3 of 4', () => expect(MIN_PASSWORD_SCORE).toBe(3));
  for (const [password, message] of WEAK) {
    it(`"${password}" is refused and the message says why, in Chinese`, () => {
      expect(judgePassword(password, ['zhangsan', '张三'])).toEqual({ ok: false, score: expect.any(Number), message });
      expect(judgePassword(password, ['zhangsan']).score).toBeLessThan(3);
    });
  }
  it('common Chinese passwords and pinyin names are refused (the English lists miss them)', () => {
    for (const p of ['woaini', 'woaini1314', '5201314', '1314520', 'aini1314', 'zhang', 'wang', 'chen', 'yang', 'huang', 'zhao', 'zhou', 'wuye', 'kefu', 'jiahong', 'mima', 'qq123456', 'abc123456']) {
      expect([p, judgePassword(p, []).score]).toEqual([p, 0]);
    }
  });
  it('the person\'s own details count against him, case-insensitively; empty details are ignored', () => {
    expect(judgePassword('wangxiaoli', []).ok).toBe(true);
    expect(judgePassword('wangxiaoli', ['', 'WangXiaoli']).ok).toBe(false);
  });
  it('the message lists only what the estimator says: no empty warning between the colon and the advice', () => {
    // zhangwei: a pinyin name the estimator gives no warning for, only the advice to add words.
    expect(judgePassword('zhangwei', [])).toEqual({ ok: false, score: 1, message: '密码太容易被猜到：再加几个不常见的词' });
    expect(judgePassword('12345678', [])).toEqual({ ok: false, score: 0, message: '密码太容易被猜到：这是最常用的密码之一；再加几个不常见的词' });
  });
  it('a long passphrase or a mixed password passes with no message', () => {
    expect(judgePassword('correct horse battery staple', [])).toEqual({ ok: true, score: 4, message: '' });
    expect(judgePassword('Tr0ub4dour&3', ['zhangsan'])).toEqual({ ok: true, score: 4, message: '' });
    expect(judgePassword('wangxiaoli', [])).toEqual({ ok: true, score: 3, message: '' });
  });
});
