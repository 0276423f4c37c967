import { Alert, Space, Typography } from 'antd';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import type { Classification } from '../../../domain/calls/call-record.contract';
import { ClassTag } from '../../components/tags';

interface Props {
  data: Classification | undefined;
  error: unknown;
  /** Inputs changed and the answer for them is still on its way. */
  stale: boolean;
  hasCategory: boolean;
}

/** The proposed class and the reason the server gives for it (CALL-2, 5, 6, 7, 8), with whose responsibility it is (CALL-12). */
export function ClassProposal({ data, error, stale, hasCategory }: Props) {
  if (error) return <Alert type="error" showIcon title={isApiError(error) ? error.message : t('error.unknown')} />;
  if (!data) return <Typography.Text type="secondary">{t('intake.proposalPending')}</Typography.Text>;
  return (
    <div data-testid="class-proposal" aria-live="polite" style={{ opacity: stale ? 0.6 : 1, transition: 'opacity .2s' }}>
      <Space align="start" size={8} wrap>
        <ClassTag value={data.class} />
        <Typography.Text data-testid="class-reason">{data.reason}</Typography.Text>
      </Space>
      {data.warrantyEnds && (
        <div>
          <Typography.Text type="secondary">{t('intake.warrantyEnds', { date: data.warrantyEnds })}</Typography.Text>
        </div>
      )}
      {data.vendor && (
        <div data-testid="class-vendor">
          <Typography.Text type="secondary">{t('intake.vendor', { name: data.vendor.name, minutes: data.vendor.promisedMinutes })}</Typography.Text>
        </div>
      )}
      {hasCategory && data.scopeNote && (
        <div>
          <Typography.Text type="secondary">
            {t('intake.scope')}：{data.scopeNote}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
