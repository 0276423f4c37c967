import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { t } from '../../i18n/zh-CN';
import type { Household } from '../api';

const HouseholdEditModal = lazy(async () => ({ default: (await import('./household-edit-modal')).HouseholdEditModal }));

/** Shown only when the server grants `update`; the form itself loads on first use. */
export function HouseholdEditButton({ household }: { household: Household }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<EditOutlined />} size="small" style={{ marginTop: 12 }} onClick={() => setOpen(true)}>
        {t('household.edit')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <HouseholdEditModal household={household} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
