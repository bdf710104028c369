// How a page tells the person what happened — a short message, or a question before a step
// that cannot be undone. The desktop frame answers with antd's messages and dialogs, the phone
// frame with antd-mobile's toasts and dialogs: shared code (queries, `useRun`) never imports a
// component kit, so a resident's phone never downloads antd.
import { createContext, useContext } from 'react';

export interface Confirm {
  title: string;
  okText: string;
  cancelText: string;
  onOk: () => unknown;
}

export interface Notify {
  success(text: string): void;
  error(text: string): void;
  confirm(c: Confirm): void;
}

export const NotifyContext = createContext<Notify | null>(null);

export function useNotify(): Notify {
  const n = useContext(NotifyContext);
  if (!n) throw new Error('useNotify outside a frame');
  return n;
}
