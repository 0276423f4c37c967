import { Select, Typography, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { t } from '../../i18n/zh-CN';
import type { ServiceCategoryView as ServiceCategory } from '../../../domain/calls/reference.contract';

interface Props {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  categories: ServiceCategory[] | undefined;
  loading: boolean;
  selectRef?: Ref<RefSelectProps>;
  onPicked?: () => void;
}

/** Searchable by label and code; each option says whose responsibility the item is (CALL-12). */
export function CategorySelect({ id, value, onChange, categories, loading, selectRef, onPicked }: Props) {
  return (
    <Select<string>
      id={id}
      ref={selectRef}
      value={value}
      allowClear
      loading={loading}
      placeholder={t('intake.categoryPlaceholder')}
      aria-label={t('intake.category')}
      showSearch={{ optionFilterProp: 'search' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 560 } } }}
      onChange={(v) => {
        onChange?.(v);
        if (v) onPicked?.();
      }}
      options={(categories ?? []).map((c) => ({ value: c.id, label: c.label, search: `${c.label} ${c.code}`, scope: c.scopeNote }))}
      optionRender={(o) => (
        <div>
          <div>{o.label}</div>
          {o.data.scope && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {String(o.data.scope)}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
