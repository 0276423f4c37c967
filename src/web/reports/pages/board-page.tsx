import { Card } from 'antd';
import { rt } from '../messages';

/** Placeholder while the page is being built. */
export function BoardPage() {
  return <Card title={rt('menu.board')} />;
}
