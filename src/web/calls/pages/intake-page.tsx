import { Empty } from 'antd';
import { Suspense } from 'react';
import { useProject } from '../../lib/project-context';
import { useMe } from '../../lib/session';
import { useSlot } from '../../lib/slots';
import type { MenuFlags } from '../../lib/menu';
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
  const KeyDeskCard = useSlot('KeyDeskCard');
  if (!me) return null;
  const menu: MenuFlags = me.menu;
  if (!current) return <Empty description={t('intake.noProject')} />;
  const storageKey = draftStorageKey(me.id, current.id);
  return (
    <>
      <DeskToday projectId={current.id} />
      <IntakeForm key={storageKey} projectId={current.id} storageKey={storageKey} />
      {KeyDeskCard && menu.keys && (
        <Suspense fallback={null}>
          <div style={{ marginTop: 16 }}>
            <KeyDeskCard projectId={current.id} />
          </div>
        </Suspense>
      )}
    </>
  );
}
