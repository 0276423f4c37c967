import { REVEAL_VISIBLE_MS } from '../../lib/reveal';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { fieldLabels, relationLabels, t } from '../../i18n/zh-CN';
import type { Person, RevealField } from '../api';
import { RevealModal } from './reveal-modal';

const PersonFormModal = lazy(async () => ({ default: (await import('./register-forms')).PersonFormModal }));
const MoveOutModal = lazy(async () => ({ default: (await import('./register-forms')).MoveOutModal }));

type Revealed = Record<string, string>;
const keyOf = (personId: string, field: RevealField) => `${personId}:${field}`;

/**
 * The household's people, masked as the server sent them (ARC-12). A 查看 button appears only when the
 * server says `revealContact`; the full value shown after an audited reveal stays in this component's
 * memory only, is masked again after 30 seconds, and is gone when the drawer closes.
 */
export function PersonTable({ persons, canReveal, householdId, canEdit = false }: { persons: Person[]; canReveal: boolean; householdId?: string; canEdit?: boolean }) {
  const [revealed, setRevealed] = useState<Revealed>({});
  const [editing, setEditing] = useState<{ person?: Person; moveOut?: boolean } | null>(null);
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
    {
      title: t('person.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, p) => (
        <Space size={4} wrap>
          <Typography.Text type={p.movedOutAt ? 'secondary' : undefined}>{name}</Typography.Text>
          {p.movedOutAt && <Tag data-testid="moved-out">{t('person.movedOutTag', { date: p.movedOutAt })}</Tag>}
        </Space>
      ),
    },
    { title: t('person.phone'), key: 'phone', render: (_, p) => cell(p, 'phone') },
    { title: t('person.idNumber'), key: 'idNumber', render: (_, p) => cell(p, 'idNumber') },
  ];
  if (canEdit && householdId)
    columns.push({
      title: t('person.actions'),
      key: 'actions',
      width: 120,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={t('person.editAria', { name: p.name })} onClick={() => setEditing({ person: p })}>
            {t('person.edit')}
          </Button>
          {!p.movedOutAt && (
            <Button type="link" size="small" aria-label={t('person.moveOutAria', { name: p.name })} onClick={() => setEditing({ person: p, moveOut: true })}>
              {t('person.moveOut')}
            </Button>
          )}
        </Space>
      ),
    });

  return (
    <>
      {canEdit && householdId && (
        <Button size="small" style={{ marginBottom: 8 }} onClick={() => setEditing({})}>
          {t('person.add')}
        </Button>
      )}
      <Table<Person> rowKey="id" size="small" pagination={false} columns={columns} dataSource={persons} scroll={{ x: 'max-content' }} data-testid="person-table" />
      {editing && householdId && (
        <Suspense fallback={null}>
          {editing.moveOut && editing.person ? (
            <MoveOutModal householdId={householdId} person={editing.person} onClose={() => setEditing(null)} />
          ) : (
            <PersonFormModal householdId={householdId} person={editing.person} onClose={() => setEditing(null)} />
          )}
        </Suspense>
      )}
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
