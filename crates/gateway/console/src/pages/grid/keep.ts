// What the grid pages say once a write is kept: sent at once, kept on the phone for later, or
// refused (then the outbox shows why and how to resolve it).
import type { T } from '../../lib/i18n';
import type { Notify } from '../../lib/notify';

export function sayKept(notify: Notify, t: T, outcome: 'sent' | 'kept' | 'refused', sent: string) {
  if (outcome === 'sent') notify.success(sent);
  else if (outcome === 'kept') notify.success(t('没有网络：已保存在手机上，有网络后自动发送', 'Offline: kept on the phone, sent when the network is back'));
  else notify.error(t('没有被接受：请在"需要处理"里查看', 'Not accepted: see "to resolve"'));
}
