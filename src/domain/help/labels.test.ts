import { describe, expect, it } from 'vitest';
import { suggestHelpCategory } from './labels';

describe('help category search', () => {
  it.each([
    ['邻居晕倒了', 'medical'],
    ['要叫救护车', 'medical'],
    ['电梯困人', 'other'],
    ['闻到燃气味', 'security'],
    ['楼下着火了', 'disaster'],
    ['厨房停电', 'repair'],
    ['请问物业费怎么交', 'inquiry'],
  ])('HELP-1 everyday words find the category: %s → %s', (text, cat) => {
    expect(suggestHelpCategory(text)).toBe(cat);
  });
  it('HELP-1 words that name nothing suggest nothing', () => {
    expect(suggestHelpCategory('你好')).toBeNull();
    expect(suggestHelpCategory('  ')).toBeNull();
  });
});
