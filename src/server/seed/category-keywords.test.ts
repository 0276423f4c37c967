import { describe, expect, it } from 'vitest';
import { searchCategories } from '../../domain/calls/category-search';
import { DEFAULT_CATEGORIES } from './service-desk-seed';

const first = (q: string) => searchCategories(q, DEFAULT_CATEGORIES)[0]?.category.code;

/** The everyday words of issue 13 find a default category; nonsense finds none (so the desk is offered 其他). */
describe('default category keywords', () => {
  it.each([
    ['灯', 'public'],
    ['路灯', 'public'],
    ['停电', 'electrical'],
    ['跳闸', 'electrical'],
    ['电梯', 'lift'],
    ['电梯困人', 'lift'],
    ['困人', 'lift'],
    ['关人', 'lift'],
    ['停水', 'plumbing'],
    ['漏水', 'plumbing'],
    ['燃气', 'public'],
    ['火', 'public'],
    ['门禁', 'public'],
    ['车位', 'inquiry'],
    ['物业费', 'inquiry'],
    ['噪音', 'neighbour'],
    ['dt', 'lift'],
    ['gg', 'public'],
    ['kd', 'broadband'],
    ['其他', 'other'],
  ])('%s → %s', (q, code) => {
    expect(first(q)).toBe(code);
  });

  it('电梯 lists the lift first, then the public facilities it belongs to', () => {
    expect(searchCategories('电梯', DEFAULT_CATEGORIES).map((m) => m.category.code)).toEqual(['lift', 'public']);
  });

  it.each(['xyzzy', '喷泉雕塑', 'qqqq'])('nonsense %s finds nothing', (q) => {
    expect(searchCategories(q, DEFAULT_CATEGORIES)).toEqual([]);
  });

  it('every default category carries keywords and pinyin initials', () => {
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.keywords.length, c.code).toBeGreaterThan(0);
      expect(c.keywords.some((k) => /^[a-z]+$/.test(k)), c.code).toBe(true);
    }
  });
});
