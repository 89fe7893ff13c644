import { QueueDesk } from '../queue/QueueDesk';

export function Resepsionis() {
  return <QueueDesk stage="resepsionis" />;
}
