import { Card } from 'antd';
import { rt } from '../messages';

/** Placeholder while the page is being built. */
export function GtPage() {
  return <Card title={rt('menu.gt')} />;
}
