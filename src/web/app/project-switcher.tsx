import { Grid, Select, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { t } from '../i18n/zh-CN';
import { useProject } from '../lib/project-context';

/** A select when the user works on several projects, the project's name when on one. */
export function ProjectSwitcher() {
  const { projects, current, setCurrent } = useProject();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // On a phone the header holds the menu button, this select, the bell, the user and logout: no label, a narrower select.
  const narrow = Grid.useBreakpoint().md === false;
  if (projects.length === 0) return <Typography.Text type="secondary">{t('app.noProject')}</Typography.Text>;
  if (projects.length === 1) return <Typography.Text strong>{current?.name}</Typography.Text>;
  return (
    <Space>
      {narrow ? null : <Typography.Text type="secondary">{t('app.project')}</Typography.Text>}
      <Select
        aria-label={t('app.switchProject')}
        style={narrow ? { width: 120 } : { minWidth: 180 }}
        value={current?.id}
        onChange={(id: string) => {
          setCurrent(id);
          // The open household, building and filters belong to the previous project.
          if (pathname.startsWith('/register')) navigate('/register');
        }}
        options={projects.map((p) => ({ value: p.id, label: p.name }))}
      />
    </Space>
  );
}
