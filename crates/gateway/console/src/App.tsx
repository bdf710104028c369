import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Layout, Select, Space, Spin, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Route, Routes, useLocation, useParams } from 'react-router-dom';
import { graphql } from './gql';
import { ApiContext, makeApi } from './lib/api';
import { LangContext, storedLang, type Lang, type T } from './lib/i18n';
import { useGo } from './lib/nav';
import { PREFIX, scopeLabel, scopesOf, useSession, type Scope, type Session, type ShellKind } from './lib/session';
import { theme } from './lib/theme';
import Home from './pages/Home';
import SignIn from './pages/SignIn';

// One shell per kind of user, each its own download: a resident's phone never fetches the
// district's charts.
const SHELLS: Record<ShellKind, ReturnType<typeof lazy<(p: { scope: Scope }) => JSX.Element>>> = {
  district: lazy(() => import('./shells/District')),
  staff: lazy(() => import('./shells/Staff')),
  grid: lazy(() => import('./shells/Grid')),
  partner: lazy(() => import('./shells/Partner')),
  resident: lazy(() => import('./shells/Resident')),
};
const Join = lazy(() => import('./pages/Join'));

const RENEW = graphql(`mutation AppRenew { renewToken { token expiresAt account { id displayName } } }`);
const LOGOUT = graphql(`mutation AppLogout { logout }`);
const ME = graphql(`query AppMe { me { account { id displayName loginName } memberships { role districtCode communitySlug } }
  districts { code name } myOrganisations { organisation { id name } } }`);

export default function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const [session, setSession] = useSession();
  const queries = useQueryClient();
  const api = useMemo(
    () => makeApi(session, lang, () => setSession(null), () => queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' })),
    [session, lang, setSession, queries],
  );
  const go = useGo();
  const location = useLocation();
  const t: T = (zh, en) => (lang === 'en' ? en : zh);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    localStorage.setItem('linli.lang', lang);
  }, [lang]);

  // The account and its roles: loaded when someone signs in (or joins a community), not when
  // the token is renewed.
  const me = useQuery({
    queryKey: ['me', session?.account.id, session?.joined],
    queryFn: () => api.request(ME),
    enabled: !!session,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (me.error) setSession(null);
  }, [me.error, setSession]);

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

  const scopes = useMemo(
    () => (me.data ? scopesOf(me.data.me.memberships, me.data.districts, me.data.myOrganisations.map((o) => o.organisation)) : []),
    [me.data],
  );
  const routeKey = location.pathname.split('/').filter(Boolean).slice(0, 2).map(decodeURIComponent).join('/');
  const current = scopes.find((s) => s.key === routeKey);

  const signOut = () => {
    api.request(LOGOUT).catch(() => {});
    setSession(null);
    queries.clear();
    go();
  };

  let page;
  if (location.pathname.startsWith('/join/')) {
    page = (
      <Routes>
        <Route path="/join/:slug/:code/*" element={<JoinRoute session={session} onSignedIn={setSession} />} />
      </Routes>
    );
  } else if (!session) page = <SignIn onSignedIn={setSession} />;
  else if (!me.data) page = <Typography.Paragraph>{t('加载中…', 'Loading…')}</Typography.Paragraph>;
  else {
    page = (
      <Routes>
        {(Object.keys(SHELLS) as ShellKind[]).map((kind) => {
          const Shell = SHELLS[kind];
          return (
            <Route key={kind} path={`/${PREFIX[kind]}/:scope/*`}
              element={current?.kind === kind ? <Shell key={current.key} scope={current} /> : <Home scopes={scopes} />} />
          );
        })}
        <Route path="*" element={<Home scopes={scopes} />} />
      </Routes>
    );
  }

  // The 数据大屏 fills the wall display: no header.
  const wall = location.pathname.endsWith('/wall');
  return (
    <LangContext.Provider value={lang}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ApiContext.Provider value={api}>
            <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
              {t('跳到主要内容', 'Skip to main content')}
            </a>
            <Layout className="shell">
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
                    {session && (
                      <>
                        <span className="who">{me.data?.me.account.displayName}</span>
                        <Button onClick={signOut}>{t('退出', 'Sign out')}</Button>
                      </>
                    )}
                  </Space>
                </Layout.Header>
              )}
              <Layout.Content id="main" tabIndex={-1} className={wall ? 'wall-main' : 'shell-main'}>
                <Suspense fallback={<Spin aria-label={t('加载中', 'Loading')} />}>{page}</Suspense>
              </Layout.Content>
            </Layout>
          </ApiContext.Provider>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function JoinRoute({ session, onSignedIn }: { session: Session | null; onSignedIn: (s: Session) => void }) {
  const { slug = '', code = '', '*': rest } = useParams();
  return <Join slug={slug} code={code} then={(rest ?? '').split('/').filter(Boolean)} session={session} onSignedIn={onSignedIn} />;
}
