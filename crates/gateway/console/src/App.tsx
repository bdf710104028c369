import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { graphql } from './gql';
import { ApiContext, ApiError, makeApi } from './lib/api';
import { LangContext, storedLang, type Lang, type T } from './lib/i18n';
import { useGo } from './lib/nav';
import { forgetOffline } from './lib/offline';
import { PREFIX, scopesOf, useSession, type Scope, type Session, type ShellKind } from './lib/session';

// The root knows no component kit: a resident's phone downloads the phone frame (antd-mobile)
// and the resident's pages, staff's computers the desktop frame (antd) and their shell. One
// shell per kind of user, each its own download: a resident's phone never fetches the
// district's charts.
const Desktop = lazy(() => import('./frames/Desktop'));
const Phone = lazy(() => import('./frames/Phone'));
const SHELLS: Record<Exclude<ShellKind, 'resident' | 'grid'>, ReturnType<typeof lazy<(p: { scope: Scope }) => JSX.Element>>> = {
  district: lazy(() => import('./shells/District')),
  staff: lazy(() => import('./shells/Staff')),
  partner: lazy(() => import('./shells/Partner')),
};
// Residents and grid workers (door to door) are on phones: the phone frame.
const Resident = lazy(() => import('./shells/Resident'));
const Grid = lazy(() => import('./shells/Grid'));
const Home = lazy(() => import('./pages/Home'));
const SignIn = lazy(() => import('./mobile/SignIn'));
const Join = lazy(() => import('./mobile/Join'));
const Register = lazy(() => import('./pages/partner/Register'));

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
    // Offline, the account kept on the phone stays signed in; any other failure signs out.
    if (me.error && !(me.error instanceof ApiError && me.error.code === 'NETWORK')) setSession(null);
  }, [me.error, setSession]);

  // A console left open renews its token halfway through what is left of it (at least a
  // minute on), so a twelve-hour token never ends the work mid-day.
  useEffect(() => {
    if (!session) return undefined;
    const left = new Date(session.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => {
      api.request(RENEW).then((d) => setSession({ ...d.renewToken, joined: session.joined, remember: session.remember }), () => {});
    }, Math.max(60_000, left / 2));
    return () => clearTimeout(timer);
  }, [session]); // eslint-disable-line react-hooks/exhaustive-deps

  const scopes = useMemo(
    () => (me.data ? scopesOf(me.data.me.memberships, me.data.districts, me.data.myOrganisations.map((o) => o.organisation)) : []),
    [me.data],
  );
  const routeKey = location.pathname.split('/').filter(Boolean).slice(0, 2).map(decodeURIComponent).join('/');
  // A resident's page opens while the account is read, not after (one round trip less on a
  // slow network): its community is in the route; if the account is no resident there, the
  // pages say so and the account's places show once it is read.
  const [prefix, routeSlug] = routeKey.split('/');
  const provisional: Scope | undefined = session && !me.data && prefix === PREFIX.resident && routeSlug
    ? { key: routeKey, kind: 'resident', slug: routeSlug, name: routeSlug, roles: ['RESIDENT'] }
    : undefined;
  const current = scopes.find((s) => s.key === routeKey) ?? provisional;

  const signOut = () => {
    api.request(LOGOUT).catch(() => {});
    setSession(null);
    queries.clear();
    forgetOffline();
    go();
  };

  const frame = { lang, setLang, scopes, current, who: me.data?.me.account.displayName, accountId: me.data?.me.account.id, signOut,
    renew: (s: Session) => setSession({ ...s, joined: session?.joined, remember: session?.remember }) };
  // Another account on this device never sees what the last one kept.
  const signedIn = (s: Session) => {
    if (s.account.id !== session?.account.id) {
      queries.clear();
      forgetOffline();
    }
    setSession(s);
  };
  let body;
  if (location.pathname.startsWith('/join/')) {
    body = (
      <Phone {...frame}>
        <Routes>
          <Route path="/join/:slug/:code/*" element={<JoinRoute session={session} onSignedIn={signedIn} />} />
        </Routes>
      </Phone>
    );
  } else if (location.pathname === '/register' && !session) {
    // A partner organisation registers itself (no sign-in): on a computer, the desktop frame.
    body = <Desktop {...frame}><Register onSignedIn={signedIn} /></Desktop>;
  } else if (!session) {
    body = <Phone {...frame}><SignIn onSignedIn={signedIn} /></Phone>;
  } else if (current?.kind === 'resident') {
    body = (
      <Phone {...frame}>
        <Routes>
          <Route path={`/${PREFIX.resident}/:scope/*`} element={<Resident key={current.key} scope={current} />} />
        </Routes>
      </Phone>
    );
  } else if (current?.kind === 'grid') {
    body = (
      <Phone {...frame}>
        <Routes>
          <Route path={`/${PREFIX.grid}/:scope/*`} element={<Grid key={current.key} scope={current} />} />
        </Routes>
      </Phone>
    );
  } else if (!me.data) {
    body = <p className="loading-line">{t('加载中…', 'Loading…')}</p>;
  } else if (!current && scopes.length === 1 && (scopes[0].kind === 'resident' || scopes[0].kind === 'grid')) {
    // A resident or grid worker goes straight to their pages, without the desktop frame's download.
    body = <Navigate to={`/${scopes[0].key}`} replace />;
  } else {
    body = (
      <Desktop {...frame}>
        <Routes>
          {(Object.keys(SHELLS) as (keyof typeof SHELLS)[]).map((kind) => {
            const Shell = SHELLS[kind];
            return (
              <Route key={kind} path={`/${PREFIX[kind]}/:scope/*`}
                element={current?.kind === kind ? <Shell key={current.key} scope={current} /> : <Home scopes={scopes} />} />
            );
          })}
          <Route path="*" element={<Home scopes={scopes} />} />
        </Routes>
      </Desktop>
    );
  }

  return (
    <LangContext.Provider value={lang}>
      <ApiContext.Provider value={api}>
        <Suspense fallback={<p className="loading-line">{t('加载中…', 'Loading…')}</p>}>{body}</Suspense>
      </ApiContext.Provider>
    </LangContext.Provider>
  );
}
function JoinRoute({ session, onSignedIn }: { session: Session | null; onSignedIn: (s: Session) => void }) {
  const { slug = '', code = '', '*': rest } = useParams();
  return <Join slug={slug} code={code} then={(rest ?? '').split('/').filter(Boolean)} session={session} onSignedIn={onSignedIn} />;
}
