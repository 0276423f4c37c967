/** Candidate fixes for slow call-list statements, tried by calls-explain.ts inside a rolled-back transaction. */
import type { Captured } from '../lib/capture';
import type { ListKind } from '../data/list-queries';

export interface CandidateFix {
  name: string;
  why: string;
  /** Which kinds of request it is meant for. */
  kinds: (ListKind | 'ledger')[];
  /** Statements run first (e.g. CREATE INDEX; ANALYZE). */
  setup: string[];
  /** A rewrite of the captured statement, when the fix is in the query rather than the schema. */
  rewrite?: (s: Captured) => Captured;
}

export const CANDIDATE_FIXES: CandidateFix[] = [];
