import { CloseOutlined, HomeOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Tag, Typography, type InputRef } from 'antd';
import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { relationLabels, t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { searchHouseholds, type FoundHousehold as HouseholdSummary } from '../api';
import type { DraftHousehold } from '../intake/intake-draft';

const PHONE = /^(\+?86)?1[3-9]\d{9}$/;

export interface LookupPick {
  household: DraftHousehold;
  /** The person the typed phone digits point at, else the owner. */
  callerName: string;
  /** A full phone number typed into the box: the caller's number. */
  callerPhone?: string;
}

function toPick(h: HouseholdSummary, q: string): LookupPick {
  const tail = /^\+?\d{4,}$/.test(q.trim()) ? q.trim().slice(-4) : null;
  const byPhone = tail ? h.persons.find((p) => p.phone?.endsWith(tail)) : undefined;
  const owner = h.persons.find((p) => p.relation === 'owner') ?? h.persons[0];
  return {
    household: { id: h.id, unitId: h.unitId, unitCode: h.unitCode, persons: h.persons.map(({ id, relation, name, phone }) => ({ id, relation, name, phone })) },
    callerName: (byPhone ?? owner)?.name ?? '',
    callerPhone: PHONE.test(q.trim()) ? q.trim() : undefined,
  };
}

interface Props {
  projectId: string;
  text: string;
  onText: (v: string) => void;
  household: DraftHousehold | null;
  onPick: (p: LookupPick) => void;
  onClear: () => void;
  inputRef: Ref<InputRef>;
}

/**
 * The intake's first box: a room code (3-2-1502), a phone or its last four digits, Enter. One match fills
 * the household at once; several are offered as buttons (arrow keys, Enter).
 */
export function HouseholdLookup({ projectId, text, onText, household, onPick, onClear, inputRef }: Props) {
  const [results, setResults] = useState<HouseholdSummary[] | null>(null);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  const run = async () => {
    const q = text.trim();
    if (!q) return;
    setLoading(true);
    setError(null);
    try {
      const { items } = await searchHouseholds(projectId, q);
      setSearched(q);
      if (items.length === 1) {
        setResults(null);
        onPick(toPick(items[0], q));
      } else {
        setResults(items);
        // Let the list render, then put the keyboard on its first entry.
        requestAnimationFrame(() => listRef.current?.querySelector('button')?.focus());
      }
    } catch (e) {
      setError(isApiError(e) ? e.message : t('error.unknown'));
    } finally {
      setLoading(false);
    }
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(listRef.current?.querySelectorAll('button') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (e.key === 'Escape') {
      setResults(null);
    }
  };

  if (household) {
    return (
      <Space align="center" wrap data-testid="intake-household">
        <Tag icon={<HomeOutlined />} color="blue" style={{ fontSize: 15, padding: '2px 8px' }}>
          {household.unitCode}
        </Tag>
        {household.persons.map((p) => (
          <Typography.Text key={p.id} type={p.relation === 'owner' ? undefined : 'secondary'}>
            {relationLabels[p.relation] ?? p.relation} {p.name} {p.phone ?? ''}
          </Typography.Text>
        ))}
        <Button size="small" icon={<CloseOutlined />} onClick={onClear}>
          {t('intake.changeHousehold')}
        </Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <Input
        ref={inputRef}
        autoFocus
        allowClear
        size="large"
        aria-label={t('intake.lookup')}
        placeholder={t('intake.lookupPlaceholder')}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          void run();
        }}
        suffix={loading ? <Typography.Text type="secondary">…</Typography.Text> : undefined}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {results && results.length === 0 && <Alert type="warning" showIcon title={t('intake.lookupNone', { q: searched })} />}
      {results && results.length > 1 && (
        <div ref={listRef} onKeyDown={onListKey} role="group" aria-label={t('intake.lookupPick', { n: results.length })}>
          <Typography.Text type="secondary">{t('intake.lookupPick', { n: results.length })}</Typography.Text>
          {/* Every hit, in room order; a long list scrolls inside the box (arrow keys move through it). */}
          <Space wrap style={{ marginTop: 4, maxHeight: 168, overflowY: 'auto', width: '100%' }} data-testid="lookup-hits">
            {results.map((h) => (
              <Button
                key={h.id}
                onClick={() => {
                  setResults(null);
                  onPick(toPick(h, searched));
                }}
              >
                {h.unitCode} {h.persons.find((p) => p.relation === 'owner')?.name ?? ''}
              </Button>
            ))}
          </Space>
        </div>
      )}
    </Space>
  );
}
