import type { ReactNode } from 'react';
import type { Lang } from '../lib/i18n';
import type { Scope, Session } from '../lib/session';

/** What a frame (the desktop's antd layout, the phone's) shows around a page. */
export interface FrameProps {
  lang: Lang;
  setLang: (l: Lang) => void;
  scopes: Scope[];
  current?: Scope;
  /** The signed-in account's name, when someone is signed in. */
  who?: string;
  /** The signed-in account's id. */
  accountId?: string;
  signOut?: () => void;
  /** Keep a new token for this session (after a password change ends the old one). */
  renew?: (s: Session) => void;
  children: ReactNode;
}
