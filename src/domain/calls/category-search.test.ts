import { describe, expect, it } from 'vitest';
import { keepTypedWords, otherCategory, searchCategories } from './category-search';

const cats = [
  { code: 'electrical', label: '户内电路故障', keywords: ['停电', '跳闸', 'dl', 'hndlgz'] },
  { code: 'public', label: '公共设施报修', keywords: ['电梯', '困人', '灯', 'dt', 'ggss'] },
  { code: 'lift', label: '电梯', keywords: [] },
  { code: 'lift_fault', label: '电梯故障', keywords: [] },
  { code: 'lift_other', label: '客梯电梯停运', keywords: [] },
  { code: 'inquiry', label: '咨询', keywords: ['物业费', '车位费用'] },
  { code: 'other', label: '其他', keywords: ['qt'] },
];
const codes = (q: string) => searchCategories(q, cats).map((m) => m.category.code);

describe('searchCategories', () => {
  it.each([
    ['电梯', ['lift', 'lift_fault', 'lift_other', 'public']],
    ['困人', ['public']],
    ['跳闸', ['electrical']],
    ['物业费', ['inquiry']],
    ['车位', ['inquiry']],
    ['dt', ['public']],
    ['hnd', ['electrical']],
    ['DL', ['electrical']],
    ['电梯困人了', ['public', 'lift']],
    ['其他', ['other']],
  ])('%s finds %j in rank order', (q, expected) => {
    expect(codes(q)).toEqual(expected);
  });

  it('ranks exact label, label prefix, label contains, keyword exact, keyword contains, pinyin prefix', () => {
    expect(searchCategories('电梯', cats).map((m) => m.rank)).toEqual(['labelExact', 'labelPrefix', 'labelContains', 'keywordExact']);
    expect(searchCategories('车位', cats)[0]!.rank).toBe('keywordContains');
    expect(searchCategories('gg', cats)[0]!.rank).toBe('pinyinPrefix');
  });

  it('says which keyword matched when the label did not', () => {
    expect(searchCategories('困人', cats)[0]!.word).toBe('困人');
    expect(searchCategories('车位', cats)[0]!.word).toBe('车位费用');
    expect(searchCategories('电梯', cats)[0]!.word).toBeUndefined();
  });

  it.each(['xyzzy', '啊哈哈', 'zz'])('nonsense %s finds nothing', (q) => {
    expect(codes(q)).toEqual([]);
  });

  it('empty text lists every category in order', () => {
    expect(codes('  ')).toEqual(cats.map((c) => c.code));
  });

  it('finds the fallback category and keeps the typed words', () => {
    expect(otherCategory(cats)?.label).toBe('其他');
    expect(keepTypedWords('花园喷泉', '')).toBe('花园喷泉');
    expect(keepTypedWords('花园喷泉', '不出水')).toBe('花园喷泉：不出水');
    expect(keepTypedWords('花园喷泉', '花园喷泉不出水')).toBe('花园喷泉不出水');
  });
});

/* Edges of the category search (CALL-12: the desk finds the right service fast), by hand. */
describe('searchCategories: edges', () => {
  const c = (code: string, label: string, keywords: string[]) => ({ code, label, keywords });
  it('CALL-12 spaces inside and around the typed text and the keywords are ignored, and case too', () => {
    const list = [c('a', '升降机', ['d t', '电 梯'])];
    expect(searchCategories(' D T ', list)).toEqual([{ category: list[0], rank: 'keywordExact', word: 'dt' }]);
    expect(searchCategories('电 梯', list)).toEqual([{ category: list[0], rank: 'keywordExact', word: '电梯' }]);
  });
  it('CALL-12 empty keywords match nothing, even inside a phrase', () => {
    expect(searchCategories('水管坏了', [c('a', '升降机', ['', '  '])])).toEqual([]);
  });
  it('CALL-12 a keyword with letters and characters is a word, not pinyin initials', () => {
    const list = [c('a', '升降机', ['xx电梯']), c('b', '门禁', ['电梯yy'])];
    expect(searchCategories('电梯', list).map((m) => [m.category.code, m.rank, m.word])).toEqual([['a', 'keywordContains', 'xx电梯'], ['b', 'keywordContains', '电梯yy']]);
  });
  it('CALL-12 a two-character phrase holding a one-character keyword still matches; one character alone does not reach the phrase rule', () => {
    const list = [c('a', '照明', ['灯'])];
    expect(searchCategories('灯坏', list)).toEqual([{ category: list[0], rank: 'textContainsKeyword', word: '灯' }]);
    expect(searchCategories('坏', list)).toEqual([]);
  });
  it('CALL-12 in a phrase, the category whose words cover more of it comes first, and names its longest word', () => {
    const list = [c('a', '电梯维修', ['电梯']), c('b', '困人救援', ['困人', '电梯困人'])];
    expect(searchCategories('电梯困人了', list).map((m) => [m.category.code, m.word])).toEqual([['b', '电梯困人'], ['a', '电梯']]);
  });
  it('CALL-12 a word that occurs twice in a phrase covers both places', () => {
    const list = [c('a', '给排水', ['漏水了']), c('b', '防水', ['漏水'])];
    // b covers 漏水 twice (4 characters) against a's 漏水了 once (3).
    expect(searchCategories('漏水漏水了', list).map((m) => m.category.code)).toEqual(['b', 'a']);
    expect(searchCategories('漏水了漏水', list).map((m) => m.category.code)).toEqual(['b', 'a']);
  });
  it('CALL-12 coverage counts each character of the phrase a word takes, no more: words side by side, words that overlap', () => {
    // 水管坏漏水: a's 水管 (0–1) and 漏水 (3–4) take four characters, leaving 坏; b's 管坏漏水 (1–4) takes four too. A tie keeps
    // the project's order. Counting one character past each word would give a 6 and b 5.
    const sideBySide = [c('b', '管道', ['管坏漏水']), c('a', '给排水', ['水管', '漏水'])];
    expect(searchCategories('水管坏漏水', sideBySide).map((m) => m.category.code)).toEqual(['b', 'a']);
    // a's 水管坏 (0–2) and 坏漏 (2–3) overlap on 坏: four characters, as many as b's 管坏漏水. Counting backwards from where
    // a word starts would give a five.
    const overlapping = [c('b', '管道', ['管坏漏水']), c('a', '给排水', ['水管坏', '坏漏'])];
    expect(searchCategories('水管坏漏水', overlapping).map((m) => m.category.code)).toEqual(['b', 'a']);
    // One more character taken wins: a's 水管坏 + 漏水 cover all five.
    const more = [c('b', '管道', ['管坏漏水']), c('a', '给排水', ['水管坏', '漏水'])];
    expect(searchCategories('水管坏漏水', more).map((m) => m.category.code)).toEqual(['a', 'b']);
  });
  it('CALL-12 a phrase holding the label names no keyword', () => {
    const list = [c('a', '门禁', ['刷卡'])];
    expect(searchCategories('门禁坏了', list)).toEqual([{ category: list[0], rank: 'textContainsKeyword' }]);
  });
  it('CALL-12 equal ranks keep the project\'s order; blank text lists all as label matches', () => {
    const list = [c('x', '电梯一', []), c('y', '电梯二', []), c('z', '电梯三', [])];
    expect(searchCategories('电梯', list).map((m) => m.category.code)).toEqual(['x', 'y', 'z']);
    expect(searchCategories('   ', list).map((m) => [m.category.code, m.rank])).toEqual([['x', 'labelContains'], ['y', 'labelContains'], ['z', 'labelContains']]);
  });
});

describe('keepTypedWords: edges', () => {
  it('CALL-12 the typed words are trimmed; a blank description is replaced; a missing one becomes the words', () => {
    expect(keepTypedWords('  电梯异响  ', undefined)).toBe('电梯异响');
    expect(keepTypedWords('电梯异响', '   ')).toBe('电梯异响');
    expect(keepTypedWords(' 电梯异响 ', '三楼')).toBe('电梯异响：三楼');
    expect(keepTypedWords('   ', '三楼')).toBe('三楼');
    expect(keepTypedWords('', undefined)).toBe('');
  });
});
