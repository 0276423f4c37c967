/**
 * Finding a service category from what a desk types: its label, its everyday words and synonyms, or the pinyin
 * initials kept with it (service_categories.keywords). Pure, so the web picker and tests share it.
 */

/** The category chosen when none fits; the typed words are kept in the description. */
export const OTHER_CATEGORY_CODE = 'other';

export interface SearchableCategory {
  code: string;
  label: string;
  keywords: readonly string[];
}

/** Best first: exact label, label prefix, label contains, keyword exact, keyword contains, pinyin prefix, words in text. */
export const MATCH_RANKS = ['labelExact', 'labelPrefix', 'labelContains', 'keywordExact', 'keywordContains', 'pinyinPrefix', 'textContainsKeyword'] as const;
export type MatchRank = (typeof MATCH_RANKS)[number];

export interface CategoryMatch<C extends SearchableCategory> {
  category: C;
  rank: MatchRank;
  /** The keyword that matched, when the label did not. */
  word?: string;
}

const PINYIN = /^[a-z]+$/;

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, '');

interface Hit {
  rank: MatchRank;
  /** The keyword that matched, when the label did not. */
  word?: string;
}

function rankOf(q: string, c: SearchableCategory): Hit | undefined {
  const label = norm(c.label);
  if (label === q) return { rank: 'labelExact' };
  if (label.startsWith(q)) return { rank: 'labelPrefix' };
  if (label.includes(q)) return { rank: 'labelContains' };
  const words = c.keywords.map(norm).filter(Boolean);
  const exact = words.find((w) => w === q);
  if (exact) return { rank: 'keywordExact', word: exact };
  const hanzi = words.filter((w) => !PINYIN.test(w));
  const containing = hanzi.find((w) => w.includes(q));
  if (containing) return { rank: 'keywordContains', word: containing };
  const initials = PINYIN.test(q) ? words.find((w) => PINYIN.test(w) && w.startsWith(q)) : undefined;
  if (initials) return { rank: 'pinyinPrefix', word: initials };
  // A phrase such as "电梯困人了" holds a keyword or the label: still a match, but the weakest.
  if (q.length > 1 && q.includes(label)) return { rank: 'textContainsKeyword' };
  const inside = q.length > 1 ? hanzi.find((w) => q.includes(w)) : undefined;
  if (inside) return { rank: 'textContainsKeyword', word: inside };
  return undefined;
}

/**
 * The categories matching the typed text, best first; equal ranks keep the given order (the project's sort).
 * Empty text matches every category in its order.
 */
export function searchCategories<C extends SearchableCategory>(text: string, categories: readonly C[]): CategoryMatch<C>[] {
  const q = norm(text);
  if (!q) return categories.map((category) => ({ category, rank: 'labelContains' as const }));
  const found: (CategoryMatch<C> & { at: number })[] = [];
  categories.forEach((category, at) => {
    const hit = rankOf(q, category);
    if (hit) found.push({ category, ...hit, at });
  });
  found.sort((a, b) => MATCH_RANKS.indexOf(a.rank) - MATCH_RANKS.indexOf(b.rank) || a.at - b.at);
  return found.map(({ at: _at, ...match }) => match);
}

/** The fallback category of a project, if it has one. */
export function otherCategory<C extends SearchableCategory>(categories: readonly C[]): C | undefined {
  return categories.find((c) => c.code === OTHER_CATEGORY_CODE);
}

/** The description after choosing 其他 with typed words: the words first, unless the description already says them. */
export function keepTypedWords(typed: string, description: string | undefined): string {
  const words = typed.trim();
  const current = description ?? '';
  if (!words || current.includes(words)) return current;
  return current.trim() ? `${words}：${current}` : words;
}
