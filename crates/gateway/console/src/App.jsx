import { App as AntApp, Button, ConfigProvider, Layout, Select, Space, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useMemo, useState } from 'react';
import { ApiContext, makeApi } from './api.js';
import { LangContext, storedLang } from './i18n.js';
import { go, useRoute } from './router.js';
import { scopesOf, useSession } from './session.js';
import { theme } from './theme.js';
import District from './pages/District.jsx';
import Home from './pages/Home.jsx';
import Join from './pages/Join.jsx';
import Resident from './pages/Resident.jsx';
import SignIn from './pages/SignIn.jsx';
import Staff from './pages/Staff.jsx';

const RENEW = 'mutation { renewToken { token expiresAt account { id displayName } } }';
const ME = `{ me { account { id displayName loginName } memberships { role districtCode communitySlug } }
  districts { code name } }`;

export default function App() {
  const [lang, setLang] = useState(storedLang);
  const [session, setSession] = useSession();
  const [me, setMe] = useState(null);
  const route = useRoute();
  const api = useMemo(() => makeApi(session, lang, () => setSession(null)), [session, lang, setSession]);
  const t = (zh, en) => (lang === 'en' ? en : zh);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    localStorage.setItem('linli.lang', lang);
  }, [lang]);

  // The account and its roles: loaded when someone signs in (or joins a community), not when
  // the token is renewed.
  useEffect(() => {
    setMe(null);
    if (session) api.request(ME).then(setMe, () => setSession(null));
  }, [session?.account?.id, session?.joined]); // eslint-disable-line react-hooks/exhaustive-deps

  // A console left open renews its token halfway through what is left of it (at least a
  // minute on), so a twelve-hour token never ends the work mid-day.
  useEffect(() => {
    if (!session) return undefined;
    const left = new Date(session.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => {
      api.request(RENEW).then((d) => setSession({ ...d.renewToken, joined: session.joined }), () => {});
    }, Math.max(60_000, left / 2));
    return () => clearTimeout(timer);
  }, [session]); // eslint-disable-line react-hooks/exhaustive-deps

  const scopes = useMemo(() => (me ? scopesOf(me.me.memberships, me.districts) : []), [me]);
  const current = scopes.find((s) => s.key === route.slice(0, 2).join('/'));

  let page;
  if (route[0] === 'join') page = <Join slug={route[1]} code={route[2]} then={route.slice(3)} session={session} onSignedIn={setSession} />;
  else if (!session) page = <SignIn onSignedIn={setSession} />;
  else if (!me) page = <Typography.Paragraph>{t('加载中…', 'Loading…')}</Typography.Paragraph>;
  else if (current?.kind === 'district') page = <District scope={current} tab={route[2]} />;
  else if (current?.kind === 'staff') page = <Staff scope={current} tab={route[2]} />;
  else if (current?.kind === 'resident') page = <Resident scope={current} tab={route[2]} rest={route.slice(3)} />;
  else page = <Home scopes={scopes} />;

  const signOut = () => {
    api.request('mutation { logout }').catch(() => {});
    setSession(null);
    go();
  };

  return (
    <LangContext.Provider value={lang}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ApiContext.Provider value={api}>
            <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
              {t('跳到主要内容', 'Skip to main content')}
            </a>
            <Layout className="shell">
              <Layout.Header className="shell-header">
                <a className="brand" href="#/">{t('邻里', 'Linli')}</a>
                <Space wrap size="small" className="shell-tools">
                  {scopes.length > 1 && (
                    <Select
                      aria-label={t('切换社区或区县', 'Switch community or district')}
                      className="scope-switch"
                      value={current?.key}
                      placeholder={t('切换社区或区县', 'Switch community or district')}
                      onChange={(k) => go(...k.split('/'))}
                      options={scopes.map((s) => ({ value: s.key, label: scopeLabel(s, t) }))}
                    />
                  )}
                  <Button onClick={() => setLang(lang === 'en' ? 'zh' : 'en')} lang={lang === 'en' ? 'zh-CN' : 'en'}>
                    {lang === 'en' ? '中文' : 'English'}
                  </Button>
                  {session && (
                    <>
                      <span className="who">{me?.me.account.displayName}</span>
                      <Button onClick={signOut}>{t('退出', 'Sign out')}</Button>
                    </>
                  )}
                </Space>
              </Layout.Header>
              <Layout.Content id="main" tabIndex={-1} className="shell-main">
                {page}
              </Layout.Content>
            </Layout>
          </ApiContext.Provider>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

export function scopeLabel(s, t) {
  if (s.kind === 'district') return `${t('区县', 'District')} · ${s.name}`;
  if (s.kind === 'staff') return `${t('社区工作', 'Community work')} · ${s.slug}`;
  return `${t('居民', 'Resident')} · ${s.slug}`;
}
