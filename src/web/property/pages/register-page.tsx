import { Card, Col, Empty, Input, Row, Space, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Outlet, useSearchParams } from 'react-router';
import { useProject } from '../../lib/project-context';
import { t } from '../../i18n/zh-CN';
import { useSlashFocus } from '../../lib/use-slash-focus';
import { EstateTree } from '../components/estate-tree';
import { SearchResults } from '../components/search-results';
import { UnitTable } from '../components/unit-table';

/**
 * 房屋档案: project → 辖区 → 楼栋 on the left, units (or search results) on the right, the household
 * in a drawer (child route /register/households/:id; this page stays mounted under it). The list's
 * position lives in the URL (?b= building, ?f= room filter, ?p= page); the search term does not, as
 * it may be a phone number (ARC-12): it is kept in this page's state only.
 */
export function RegisterPage() {
  const { current } = useProject();
  if (!current) return <Empty description={t('register.noProject')} />;
  // A search belongs to the project it ran in: another project mounts a fresh page. (Not an effect that
  // clears the term after the first paint: that erased what a quick typist had already entered.)
  return <ProjectRegister key={current.id} project={current} />;
}

function ProjectRegister({ project: current }: { project: { id: string } }) {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [text, setText] = useState('');
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
      else next.delete(k);
      return next;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row align="middle" gutter={16}>
        <Col flex="none">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('register.title')}
          </Typography.Title>
        </Col>
        <Col flex="auto" style={{ maxWidth: 640 }}>
          <Input.Search
            ref={searchRef}
            autoFocus
            allowClear
            aria-label={t('register.searchPlaceholder')}
            placeholder={t('register.searchPlaceholder')}
            enterButton={t('register.searchButton')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setQ(v.trim())}
          />
        </Col>
      </Row>
      <Row gutter={16} wrap={false}>
        <Col flex="280px">
          <Card size="small" title={t('register.tree')} styles={{ body: { padding: 8 } }}>
            <EstateTree projectId={current.id} buildingId={params.get('b')} onSelect={(b) => {
                setQ('');
                update({ b, p: null });
              }} />
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {q ? (
            <SearchResults projectId={current.id} q={q} onClear={() => {
                setQ('');
                setText('');
              }} />
          ) : (
            <UnitTable
              projectId={current.id}
              buildingId={params.get('b') ?? undefined}
              filter={params.get('f') ?? ''}
              page={Number(params.get('p') ?? 1) || 1}
              onFilter={(f) => update({ f: f || null, p: null })}
              onPage={(p) => update({ p: p > 1 ? String(p) : null })}
            />
          )}
        </Col>
      </Row>
      <Outlet />
    </Space>
  );
}
