import { QueueDesk } from './QueueDesk';

export function Resepsionis() {
  return <QueueDesk stage="resepsionis" />;
}
