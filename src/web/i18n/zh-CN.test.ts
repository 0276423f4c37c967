import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '../../domain/users/role-labels';
import { RELATION_LABELS } from '../../domain/property/labels';
import { relationLabels, roleLabels, t } from './zh-CN';

describe('web message catalog', () => {
  it('role and relation labels are the domain’s own', () => {
    expect(roleLabels).toBe(ROLE_LABELS);
    expect(relationLabels).toBe(RELATION_LABELS);
  });
  it('t() fills placeholders and leaves unknown ones', () => {
    expect(t('home.welcome', { name: '王晓丽' })).toBe('您好，王晓丽');
    expect(t('register.unitsTotal', {})).toBe('共 {n} 套');
  });
});
