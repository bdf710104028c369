// The phone frame, for residents and grid workers (and the sign-in and invitation pages everyone meets first):
// antd-mobile, large type, a top bar with the elder mode, the language and the role switch.
// It never imports antd, so a resident's first visit stays light (docs/PERFORMANCE.md).
import { ConfigProvider, Dialog } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { createContext, Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { useElderMode } from '../lib/elder';
import { useT } from '../lib/i18n';
import { useGo } from '../lib/nav';
import { NotifyContext, type Notify } from '../lib/notify';
import { scopeLabel } from '../lib/session';
import '../mobile/mobile.css';
import type { FrameProps } from './types';

/** What the phone's pages may change about the frame: the elder mode, language, signing out. */
export interface PhoneFrame extends Omit<FrameProps, 'children'> {
  elder: boolean;
  setElder: (on: boolean) => void;
}

export const PhoneContext = createContext<PhoneFrame | null>(null);

export function usePhone(): PhoneFrame {
  const p = useContext(PhoneContext);
  if (!p) throw new Error('usePhone outside the phone frame');
  return p;
}

// Errors wait in a dialog until read (nothing that times out while a person reads); a success
// shows in a status line for four seconds — no motion, read out by screen readers — and the
// page itself shows what changed.
const alert = (text: string) => { Dialog.alert({ content: text, confirmText: '知道了 OK' }); };
const confirm: Notify['confirm'] = ({ title, okText, cancelText, onOk }) => {
  Dialog.confirm({ content: title, confirmText: okText, cancelText, onConfirm: async () => { await onOk(); } });
};

export default function Phone(props: FrameProps) {
  const { lang, setLang, scopes, current, who, children } = props;
  const t = useT();
  const go = useGo();
  const [elder, setElder] = useElderMode();
  const [said, setSaid] = useState<{ text: string; at: number } | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  useEffect(() => {
    if (!said) return undefined;
    const timer = setTimeout(() => setSaid(null), 4000);
    return () => clearTimeout(timer);
  }, [said]);
  const notify = useMemo<Notify>(() => ({ success: (text) => setSaid({ text, at: Date.now() }), error: alert, confirm }), []);
  const frame = useMemo(() => ({ ...props, elder, setElder }), [props, elder, setElder]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <NotifyContext.Provider value={notify}>
        <PhoneContext.Provider value={frame}>
          <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
            {t('跳到主要内容', 'Skip to main content')}
          </a>
          <div className="m-frame" data-signed-in={who ? '' : undefined}>
            <header className="m-top">
              <a className="m-brand" href="#/">{t('邻里', 'Linli')}</a>
              {scopes.length > 1 && (
                <select aria-label={t('切换身份', 'Switch role')} className="m-switch" value={current?.key ?? ''}
                  onChange={(e) => go(...e.target.value.split('/'))}>
                  {!current && <option value="">{t('切换身份', 'Switch role')}</option>}
                  {scopes.map((s) => <option key={s.key} value={s.key}>{scopeLabel(s, t)}</option>)}
                </select>
              )}
              {/* The elder mode from the first screen (MIIT: a prominent way in). */}
              <button type="button" className="m-top-btn" aria-pressed={elder} onClick={() => setElder(!elder)}>
                {elder ? t('标准字号', 'Standard text') : t('大字模式', 'Large text')}
              </button>
              <button type="button" className="m-top-btn" lang={lang === 'en' ? 'zh-CN' : 'en'}
                onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>
                {lang === 'en' ? '中文' : 'EN'}
              </button>
            </header>
            <div role="status" className={said ? 'm-said' : 'm-said-empty'}>{said?.text}</div>
            {!online && (
              <div className="m-alert info m-offline" role="status">
                {current?.kind === 'grid'
                  ? t('没有网络：登记的内容先保存在手机上，有网络后自动发送', 'Offline: what you record is kept on the phone and sent when the network is back')
                  : t('没有网络：显示的是上次打开时的课表和预约', 'Offline: showing the timetable and bookings as last opened')}
              </div>
            )}
            <main id="main" tabIndex={-1} className="m-main">
              <Suspense fallback={<p className="m-loading">{t('加载中…', 'Loading…')}</p>}>{children}</Suspense>
            </main>
          </div>
        </PhoneContext.Provider>
      </NotifyContext.Provider>
    </ConfigProvider>
  );
}
