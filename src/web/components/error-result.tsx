import { Button, Result } from 'antd';
import { t } from '../i18n/zh-CN';
import { isApiError } from '../lib/api';

/** A failed load, with the server's Chinese message when there is one. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = isApiError(error) ? error.message : t('error.unknown');
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : undefined}
    />
  );
}
