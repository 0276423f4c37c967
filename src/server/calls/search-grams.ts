/**
 * The grams a search string asks the call index for (ADR 0019, migration 0009's call_search_grams). Every
 * record whose number, 事由 or caller contains the string holds every gram of it, so `grams @> these` keeps
 * every match; the LIKE conditions beside it stay the exact check. Which grams: the 4-character runs of
 * letters, digits and '-' (a record number's pairs of digits are in nearly every record), and the pairs
 * holding any other character; only when there are none, every pair; one character alone, itself.
 * Characters are code points, as PostgreSQL's substr counts them.
 */
const RUN = /^[0-9A-Za-z-]+$/;
const MAX_GRAMS = 8;

export function queryGrams(words: string): string[] {
  const cps = Array.from(words);
  if (cps.length === 0) return [];
  if (cps.length === 1) return cps;
  const out = new Set<string>();
  for (let i = 0; i + 4 <= cps.length; i++) {
    const g = cps.slice(i, i + 4).join('');
    if (RUN.test(g)) out.add(g);
  }
  for (let i = 0; i + 2 <= cps.length; i++) {
    const g = cps[i] + cps[i + 1];
    if (!RUN.test(g)) out.add(g);
  }
  if (out.size === 0) for (let i = 0; i + 2 <= cps.length; i++) out.add(cps[i] + cps[i + 1]);
  // A few grams spread over the string select as well as all of them, and each costs a posting list.
  const all = [...out];
  if (all.length <= MAX_GRAMS) return all;
  return Array.from({ length: MAX_GRAMS }, (_, i) => all[Math.round((i * (all.length - 1)) / (MAX_GRAMS - 1))]);
}

/** The gram a caller's number ending in these digits (4 or more) holds. */
export const phoneTailGram = (digits: string) => `\u260E${digits.slice(-4)}`;
