// Residents' pages on a phone: one task a screen, a bottom navigation of five labelled places
// (首页, 课程, 场地, 积分, 我的) instead of tabs that overflow, and the elder mode a tap away.
// The pages reached from a QR code (a session's check-in, an event's walk-in) and from a
// survey's public link are pages of their own under the same navigation.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import { useT } from '../lib/i18n';
import { useRest } from '../lib/nav';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';
import ActingFor from '../pages/resident/ActingFor';
import Home from '../pages/resident/Home';

// Each page its own download: the first screen needs none of the others' code.
const Together = lazy(() => import('../pages/resident/Together'));
const LinkRecord = lazy(() => import('../pages/resident/LinkRecord'));
const CheckIn = lazy(() => import('../pages/resident/CheckIn'));
const Family = lazy(() => import('../pages/resident/Family'));
const Events = lazy(() => import('../pages/resident/Events'));
const Farm = lazy(() => import('../pages/resident/Farm'));
const Volunteer = lazy(() => import('../pages/resident/Volunteer'));
const Me = lazy(() => import('../pages/resident/Me'));
const MyBookings = lazy(() => import('../pages/resident/MyBookings'));
const MyCourses = lazy(() => import('../pages/resident/MyCourses'));
const MyData = lazy(() => import('../pages/resident/MyData'));
const MyDemands = lazy(() => import('../pages/resident/MyDemands'));
const MyPoints = lazy(() => import('../pages/resident/MyPoints'));
const MySurveys = lazy(() => import('../pages/resident/MySurveys'));
const Notifications = lazy(() => import('../pages/resident/Notifications'));
const Password = lazy(() => import('../pages/resident/Password'));
const Profile = lazy(() => import('../pages/resident/Profile'));
const Erase = lazy(() => import('../pages/resident/Erase'));
const Spaces = lazy(() => import('../pages/resident/Spaces'));
const WalkIn = lazy(() => import('../pages/resident/WalkIn'));

const LEARNERS = graphql(`query ResidentLearners { myLearners { id name inCare } community { name }
  myNotifications(unreadOnly: true, first: 99) { id } }`);

/** Which of the five places a route belongs to (its bottom-navigation item is marked). */
const PLACE_OF: Record<string, string> = {
  home: 'home', notifications: 'home', 'check-in': 'home', 'walk-in': 'home',
  courses: 'courses',
  spaces: 'spaces', bookings: 'spaces',
  points: 'points',
  me: 'me', demands: 'me', surveys: 'me', family: 'me', password: 'me', farm: 'me', volunteer: 'points', events: 'home', together: 'me', record: 'me', 'my-data': 'me', profile: 'me', erase: 'me',
};

// Plain outline icons (24 px), drawn here rather than a font of icons downloaded for five.
const ICONS: Record<string, ReactNode> = {
  home: <path d="M3 11 12 3l9 8v10h-6v-6H9v6H3z" />,
  courses: <path d="M3 5h7a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H3zM21 5h-7a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h7z" />,
  spaces: <path d="M4 21V4h11v17M15 8h5v13M2 21h20M8 8h3M8 12h3M8 16h3" />,
  points: <><circle cx="12" cy="12" r="9" /><path d="M9 9h6M12 9v8M9 13h6" /></>,
  me: <><circle cx="12" cy="8" r="4" /><path d="M4 21c1-4 4-6 8-6s7 2 8 6" /></>,
};

export default function Resident({ scope }: { scope: Scope }) {
  const t = useT();
  const slug = scope.slug!;
  const [tab = 'home', ...rest] = useRest();
  const [actingFor, setActingFor] = useState<string | null>(null); // null: myself
  const [data, loadLearners] = useGql(LEARNERS, {}, slug);
  const learners = data?.myLearners ?? [];
  const unread = data?.myNotifications.length ?? 0;
  const props = { slug, actingFor, learners };
  const acting = <ActingFor slug={slug} learners={learners} value={actingFor} onChange={setActingFor} onChildAdded={loadLearners} />;
  const place = PLACE_OF[tab] ?? 'home';
  const nav = [
    { key: 'home', label: t('首页', 'Home'), badge: unread },
    { key: 'courses', label: t('课程', 'Courses') },
    { key: 'spaces', label: t('场地', 'Rooms') },
    { key: 'points', label: t('积分', 'Points') },
    { key: 'me', label: t('我的', 'Me') },
  ];
  let page: ReactNode;
  switch (tab) {
    case 'courses': page = <>{acting}<MyCourses {...props} /></>; break;
    case 'spaces': page = <Spaces {...props} spaceId={rest[0]} />; break;
    case 'bookings': page = <MyBookings {...props} />; break;
    case 'points': page = <MyPoints {...props} />; break;
    case 'me': page = <Me slug={slug} />; break;
    case 'demands': page = <MyDemands {...props} />; break;
    case 'surveys': page = <MySurveys {...props} surveyId={rest[0]} from={rest[1]} />; break;
    case 'family': page = <>{acting}<Family slug={slug} /></>; break;
    case 'password': page = <Password />; break;
    case 'my-data': page = <MyData />; break;
    case 'profile': page = <Profile slug={slug} />; break;
    case 'erase': page = <Erase slug={slug} />; break;
    case 'farm': page = <Farm slug={slug} />; break;
    case 'together': page = <Together slug={slug} />; break;
    case 'record': page = <LinkRecord slug={slug} onLinked={loadLearners} />; break;
    case 'events': page = <>{acting}<Events {...props} /></>; break;
    case 'volunteer': page = <Volunteer slug={slug} />; break;
    case 'notifications': page = <Notifications slug={slug} />; break;
    case 'walk-in': page = <>{acting}<WalkIn {...props} eventId={rest[0]} /></>; break;
    case 'check-in': page = <>{acting}<CheckIn {...props} token={rest[0]} /></>; break;
    default: page = <Home {...props} acting={acting} unread={unread} />;
  }
  return (
    <div className="resident" data-shell="resident">
      <h1>{data?.community.name ?? slug}</h1>
      <Suspense fallback={<p className="m-loading">{t('加载中…', 'Loading…')}</p>}>{page}</Suspense>
      <nav className="m-tabbar" aria-label={t('栏目', 'Sections')}>
        {nav.map((n) => (
          <a key={n.key} href={`#/r/${encodeURIComponent(slug)}/${n.key}`} aria-current={place === n.key ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" aria-hidden="true">{ICONS[n.key]}</svg>
            <span>
              {n.label}
              {!!n.badge && <span className="m-badge">{n.badge}<span className="sr-only">{t(' 条未读', ' unread')}</span></span>}
            </span>
          </a>
        ))}
      </nav>
    </div>
  );
}
