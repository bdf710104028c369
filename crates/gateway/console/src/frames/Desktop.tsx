// The desktop frame, for district officers, community staff, partners and grid workers: antd's
// layout with the role switch, the language and signing out in the header.
import { App as AntApp, Button, ConfigProvider, Layout, Select, Space, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Suspense, useMemo, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useT } from '../lib/i18n';
import { useGo } from '../lib/nav';
import { NotifyContext, type Notify } from '../lib/notify';
import { scopeLabel } from '../lib/session';
import { theme } from '../lib/theme';
import type { FrameProps } from './types';

/** antd's messages and confirmation dialogs as the pages' `useNotify()`. */
function AntNotify({ children }: { children: ReactNode }) {
  const { message, modal } = AntApp.useApp();
  const notify = useMemo<Notify>(() => ({
    success: (text) => { message.success(text); },
    error: (text) => { message.error(text); },
    confirm: ({ title, okText, cancelText, onOk }) => { modal.confirm({ title, okText, cancelText, onOk }); },
  }), [message, modal]);
  return <NotifyContext.Provider value={notify}>{children}</NotifyContext.Provider>;
}

export default function Desktop({ lang, setLang, scopes, current, who, signOut, children }: FrameProps) {
  const t = useT();
  const go = useGo();
  const location = useLocation();
  // The 数据大屏 fills the wall display: no header.
  const wall = location.pathname.endsWith('/wall');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AntNotify>
          <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
            {t('跳到主要内容', 'Skip to main content')}
          </a>
          <Layout className="shell" data-signed-in={who ? '' : undefined}>
            {!wall && (
              <Layout.Header className="shell-header">
                <a className="brand" href="#/">{t('邻里', 'Linli')}</a>
                <Space wrap size="small" className="shell-tools">
                  {scopes.length > 1 && (
                    <Select
                      aria-label={t('切换身份', 'Switch role')}
                      className="scope-switch"
                      value={current?.key}
                      placeholder={t('切换身份', 'Switch role')}
                      onChange={(k: string) => go(...k.split('/'))}
                      options={scopes.map((s) => ({ value: s.key, label: scopeLabel(s, t) }))}
                    />
                  )}
                  <Button onClick={() => setLang(lang === 'en' ? 'zh' : 'en')} lang={lang === 'en' ? 'zh-CN' : 'en'}>
                    {lang === 'en' ? '中文' : 'English'}
                  </Button>
                  {who && (
                    <>
                      <span className="who">{who}</span>
                      <Button onClick={signOut}>{t('退出', 'Sign out')}</Button>
                    </>
                  )}
                </Space>
              </Layout.Header>
            )}
            <Layout.Content id="main" tabIndex={-1} className={wall ? 'wall-main' : 'shell-main'}>
              <Suspense fallback={<Spin aria-label={t('加载中', 'Loading')} />}>{children}</Suspense>
            </Layout.Content>
          </Layout>
        </AntNotify>
      </AntApp>
    </ConfigProvider>
  );
}
