import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '../../domain/users/role-labels';
import { RELATION_LABELS } from '../../domain/property/labels';
import { relationLabels, roleLabels, t } from './zh-CN';

// The web catalog keeps its own copy of the labels so the browser bundle does not pull in zod and
// drizzle through the contract modules; this test keeps the copies equal to the server's.
describe('web message catalog', () => {
  it('role labels match the domain ROLE_LABELS', () => {
    expect(roleLabels).toEqual(ROLE_LABELS);
  });
  it('relation labels match the domain RELATION_LABELS', () => {
    expect(relationLabels).toEqual(RELATION_LABELS);
  });
  it('t() fills placeholders and leaves unknown ones', () => {
    expect(t('home.welcome', { name: '王晓丽' })).toBe('您好，王晓丽');
    expect(t('register.unitsTotal', {})).toBe('共 {n} 套');
  });
});
