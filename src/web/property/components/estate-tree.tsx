import { Alert, Skeleton, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { t } from '../../i18n/zh-CN';
import { useProjectTree, type ProjectTree } from '../../lib/project-tree';

const ROOT = 'project';

function toTreeData(tree: ProjectTree): TreeDataNode[] {
  return [
    {
      key: ROOT,
      title: <span data-tree-kind="project">{tree.project.name}</span>,
      children: tree.districts.map((d) => ({
        key: `d:${d.id}`,
        selectable: false,
        title: (
          <span data-tree-kind="district" title={d.accountManagerName ? t('register.accountManager', { name: d.accountManagerName }) : undefined}>
            {d.name}
            {d.accountManagerName && (
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {d.accountManagerName}
              </Typography.Text>
            )}
          </span>
        ),
        children: d.buildings.map((b) => ({
          key: `b:${b.id}`,
          isLeaf: true,
          title: (
            <span data-tree-kind="building">
              {b.name}
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {b.unitCount}
              </Typography.Text>
            </span>
          ),
        })),
      })),
    },
  ];
}

/** Project → 辖区 (with its account manager) → 楼栋 (with its unit count). Selecting a building filters the units. */
export function EstateTree({ projectId, buildingId, onSelect }: { projectId: string; buildingId: string | null; onSelect: (buildingId: string | null) => void }) {
  const tree = useProjectTree(projectId);
  const data = useMemo(() => (tree.data ? toTreeData(tree.data) : []), [tree.data]);
  const expanded = useMemo(() => [ROOT, ...(tree.data?.districts.map((d) => `d:${d.id}`) ?? [])], [tree.data]);

  if (tree.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (tree.isError) return <Alert type="error" title={tree.error.message} />;
  if (!tree.data) return null;
  return (
    <Tree
      key={projectId}
      aria-label={t('register.tree')}
      blockNode
      showLine
      defaultExpandedKeys={expanded}
      selectedKeys={[buildingId ? `b:${buildingId}` : ROOT]}
      treeData={data}
      onSelect={(keys) => {
        const key = String(keys[0] ?? ROOT);
        onSelect(key.startsWith('b:') ? key.slice(2) : null);
      }}
    />
  );
}
