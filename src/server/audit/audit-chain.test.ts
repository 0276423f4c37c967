import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

const entry = {
  seq: 1,
  at: '2026-11-26T02:00:00.000Z',
  actorId: null,
  actorName: 'kefu',
  action: 'household.read',
  entity: 'household',
  entityId: 'h1',
  projectId: null,
  subject: null,
  detail: { b: 1, a: [1, { y: 2, x: 1 }] },
  ip: '127.0.0.1',
};

describe('audit hash chain', () => {
  it('canonical JSON does not depend on key order (jsonb reorders keys)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it('the same timestamp in another textual form hashes the same', () => {
    expect(chainHash(GENESIS_HASH, entry)).toBe(chainHash(GENESIS_HASH, { ...entry, at: '2026-11-26 10:00:00+08' }));
  });

  it('any change of content or link changes the hash', () => {
    const h = chainHash(GENESIS_HASH, entry);
    expect(chainHash(GENESIS_HASH, { ...entry, actorName: 'zhuli' })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...entry, detail: { b: 2, a: [1, { y: 2, x: 1 }] } })).not.toBe(h);
    expect(chainHash('1'.repeat(64), entry)).not.toBe(h);
  });
});
