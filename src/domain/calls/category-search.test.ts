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
