import { Alert } from 'antd';
import { t } from '../i18n/zh-CN';
import { isApiError } from '../lib/api';

/** The server's refusal in its own words (why a key may not go to this borrower, who acted first). */
export function ActionErrorAlert({ error, testId }: { error: unknown; testId: string }) {
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('error.unknown');
  const fields = isApiError(error) ? error.fields.map((f) => f.message) : [];
  return <Alert type="error" showIcon data-testid={testId} style={{ marginBottom: 12 }} title={message} description={fields.length ? fields.join('；') : undefined} />;
}
