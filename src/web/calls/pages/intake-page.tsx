import { Empty } from 'antd';
import { useProject } from '../../lib/project-context';
import { useMe } from '../../lib/session';
import { t } from '../../i18n/zh-CN';
import { draftStorageKey } from '../intake/intake-draft';
import { IntakeForm } from '../intake/intake-form';
import { DeskToday } from '../intake/desk-today';

/**
 * 来电登记 (CALL-1), the front desk's home: one keyboard-only screen used while the caller talks. The
 * form is keyed by user and project, so switching either starts from that pair's own draft.
 */
export function IntakePage() {
  const { current } = useProject();
  const { data: me } = useMe();
  if (!me) return null;
  if (!current) return <Empty description={t('intake.noProject')} />;
  const storageKey = draftStorageKey(me.id, current.id);
  return (
    <>
      <DeskToday projectId={current.id} />
      <IntakeForm key={storageKey} projectId={current.id} storageKey={storageKey} />
    </>
  );
}
