import { REVEAL_VISIBLE_MS } from '../../lib/reveal';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { fieldLabels, relationLabels, t } from '../../i18n/zh-CN';
import type { Person, RevealField } from '../api';
import { RevealModal } from './reveal-modal';

type Revealed = Record<string, string>;
const keyOf = (personId: string, field: RevealField) => `${personId}:${field}`;

/**
 * The household's people, masked as the server sent them (ARC-12). A 查看 button appears only when the
 * server says `revealContact`; the full value shown after an audited reveal stays in this component's
 * memory only, is masked again after 30 seconds, and is gone when the drawer closes.
 */
export function PersonTable({ persons, canReveal }: { persons: Person[]; canReveal: boolean }) {
  const [revealed, setRevealed] = useState<Revealed>({});
  const [asking, setAsking] = useState<{ person: Person; field: RevealField } | null>(null);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const hideLater = (key: string) => {
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setRevealed(({ [key]: _gone, ...rest }) => rest);
    }, REVEAL_VISIBLE_MS);
    timers.current.add(timer);
  };

  const cell = (p: Person, field: RevealField) => {
    const masked = p[field];
    const has = field === 'phone' ? p.hasPhone : p.hasIdNumber;
    if (!has) return <Typography.Text type="secondary">{t('person.none')}</Typography.Text>;
    const full = revealed[keyOf(p.id, field)];
    if (full)
      return (
        <Typography.Text strong data-testid={`${field}-revealed`} title={t('reveal.hidesSoon')}>
          {full}
        </Typography.Text>
      );
    return (
      <span>
        <span data-testid={`${field}-masked`}>{masked}</span>
        {canReveal && (
          <Button
            type="link"
            size="small"
            aria-label={t('reveal.aria', { name: p.name, field: fieldLabels[field] })}
            onClick={() => setAsking({ person: p, field })}
          >
            {t('reveal.button')}
          </Button>
        )}
      </span>
    );
  };

  const columns: TableColumnsType<Person> = [
    { title: t('person.relation'), dataIndex: 'relation', width: 110, render: (r: Person['relation']) => <Tag>{relationLabels[r] ?? r}</Tag> },
    { title: t('person.name'), dataIndex: 'name', width: 110 },
    { title: t('person.phone'), key: 'phone', render: (_, p) => cell(p, 'phone') },
    { title: t('person.idNumber'), key: 'idNumber', render: (_, p) => cell(p, 'idNumber') },
  ];

  return (
    <>
      <Table<Person> rowKey="id" size="small" pagination={false} columns={columns} dataSource={persons} data-testid="person-table" />
      {asking && (
        <RevealModal
          personId={asking.person.id}
          personName={asking.person.name}
          field={asking.field}
          onClose={() => setAsking(null)}
          onRevealed={(value) => {
            const key = keyOf(asking.person.id, asking.field);
            setRevealed((r) => ({ ...r, [key]: value }));
            hideLater(key);
            setAsking(null);
          }}
        />
      )}
    </>
  );
}
