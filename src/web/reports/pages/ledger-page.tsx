import { Card } from 'antd';
import { rt } from '../messages';

/** Placeholder while the page is being built. */
export function LedgerPage() {
  return <Card title={rt('menu.ledger')} />;
}
