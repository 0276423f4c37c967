import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { t } from '../i18n/zh-CN';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
