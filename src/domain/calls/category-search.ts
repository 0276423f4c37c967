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
  /** How many characters of a typed phrase the category's words cover (phrases only). */
  cover?: number;
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
  // A phrase such as "电梯困人了" holds keywords or the label: still a match, but the weakest; the category whose
  // words cover more of the phrase comes first.
  if (q.length < 2) return undefined;
  const inside = [label, ...hanzi].filter((w) => q.includes(w));
  if (!inside.length) return undefined;
  const covered = new Set<number>();
  for (const w of inside) for (let at = q.indexOf(w); at >= 0; at = q.indexOf(w, at + 1)) for (let i = 0; i < w.length; i++) covered.add(at + i);
  return { rank: 'textContainsKeyword', word: inside.includes(label) ? undefined : inside.sort((a, b) => b.length - a.length)[0], cover: covered.size };
}

/**
 * The categories matching the typed text, best first; equal ranks keep the given order (the project's sort).
 * Empty text matches every category in its order.
 */
export function searchCategories<C extends SearchableCategory>(text: string, categories: readonly C[]): CategoryMatch<C>[] {
  const q = norm(text);
  if (!q) return categories.map((category) => ({ category, rank: 'labelContains' as const }));
  const found: (CategoryMatch<C> & { at: number; cover: number })[] = [];
  categories.forEach((category, at) => {
    const hit = rankOf(q, category);
    if (hit) found.push({ category, rank: hit.rank, word: hit.word, at, cover: hit.cover ?? 0 });
  });
  found.sort((a, b) => MATCH_RANKS.indexOf(a.rank) - MATCH_RANKS.indexOf(b.rank) || b.cover - a.cover || a.at - b.at);
  return found.map(({ category, rank, word }) => (word ? { category, rank, word } : { category, rank }));
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
