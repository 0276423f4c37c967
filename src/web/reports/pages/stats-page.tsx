import { Card } from 'antd';
import { rt } from '../messages';

/** Placeholder while the page is being built. */
export function StatsPage() {
  return <Card title={rt('menu.stats')} />;
}
