import { Grid, Menu, Select, Typography } from 'antd';
import { useT } from '../lib/i18n';
import { graphql } from '../gql';
import { useGql } from '../lib/query';
import { useGo, useRest } from '../lib/nav';
import type { Scope } from '../lib/session';
import CommunityFigures from '../pages/district/CommunityFigures';
import Accounts from '../pages/staff/Accounts';
import Agreements from '../pages/staff/Agreements';
import Bookings from '../pages/staff/Bookings';
import Cadence from '../pages/staff/Cadence';
import Calendar from '../pages/staff/Calendar';
import Clubs from '../pages/staff/Clubs';
import Courses from '../pages/staff/Courses';
import Demands from '../pages/staff/Demands';
import Events from '../pages/staff/Events';
import Exhibitions from '../pages/staff/Exhibitions';
import Farm from '../pages/staff/Farm';
import Funds from '../pages/staff/Funds';
import Grids from '../pages/staff/Grids';
import Honours from '../pages/staff/Honours';
import Hours from '../pages/staff/Hours';
import Lists from '../pages/staff/Lists';
import Meetings from '../pages/staff/Meetings';
import Paper from '../pages/staff/Paper';
import PartyReports from '../pages/staff/PartyReports';
import Posts from '../pages/staff/Posts';
import Partners from '../pages/staff/Partners';
import Registry from '../pages/staff/Registry';
import Rewards from '../pages/staff/Rewards';
import SignUps from '../pages/staff/SignUps';
import FamilyHelp from '../pages/staff/FamilyHelp';
import Spaces from '../pages/staff/Spaces';
import Surveys from '../pages/staff/Surveys';
import Teachers from '../pages/staff/Teachers';
import Ventures from '../pages/staff/Ventures';
import Volunteers from '../pages/staff/Volunteers';

/** Community staff's daily work, one page per task, grouped as staff think of it. */
const COMMUNITY = graphql(`query StaffCommunity { community { name } me { account { displayName } } }`);


export default function Staff({ scope }: { scope: Scope }) {
  const t = useT();
  const go = useGo();
  const [page = 'courses'] = useRest();
  const [data] = useGql(COMMUNITY, {}, scope.slug);
  // Narrow below antd's `lg` (992 px): a 1280 px screen at 200% zoom is 640 px.
  const narrow = Grid.useBreakpoint().lg === false;
  const slug = scope.slug!;
  // A teacher who is not staff teaches: their courses and the calendar, nothing else.
  const teacherOnly = !scope.roles.some((r) => r === 'STAFF' || r === 'COMMUNITY_ADMIN');
  const groups: { key: string; label: string; pages: { key: string; label: string; page: JSX.Element }[] }[] = [
    {
      key: 'college', label: t('社区学院', 'College'), pages: [
        { key: 'courses', label: t('课程', 'Courses'), page: <Courses slug={slug} teacherOnly={teacherOnly} /> },
        { key: 'calendar', label: t('课表日历', 'Calendar'), page: <Calendar slug={slug} teacherOnly={teacherOnly} /> },
        { key: 'teachers', label: t('师资库', 'Teachers'), page: <Teachers slug={slug} /> },
        { key: 'events', label: t('活动', 'Events'), page: <Events slug={slug} /> },
        { key: 'surveys', label: t('问卷', 'Surveys'), page: <Surveys slug={slug} /> },
        { key: 'clubs', label: t('社团', 'Clubs'), page: <Clubs slug={slug} /> },
        { key: 'exhibitions', label: t('展览', 'Exhibitions'), page: <Exhibitions slug={slug} /> },
        { key: 'targets', label: t('频次目标', 'Cadence targets'), page: <Cadence slug={slug} /> },
      ],
    },
    {
      key: 'residents', label: t('居民', 'Residents'), pages: [
        { key: 'registry', label: t('居民库与代办', 'Registry'), page: <Registry slug={slug} me={data?.me.account.displayName} /> },
        { key: 'signups', label: t('注册与邀请', 'Sign-ups'), page: <SignUps slug={slug} /> },
        { key: 'family', label: t('家人代办', 'Family help'), page: <FamilyHelp slug={slug} /> },
        { key: 'demands', label: t('诉求', 'Demands'), page: <Demands slug={slug} /> },
      ],
    },
    {
      key: 'together', label: t('共建共治', 'Co-governance'), pages: [
        { key: 'meetings', label: t('会议', 'Meetings'), page: <Meetings slug={slug} /> },
        { key: 'grids', label: t('微网格与巡查', 'Micro-grids and patrols'), page: <Grids slug={slug} /> },
        { key: 'party', label: t('双报到', 'Party members'), page: <PartyReports slug={slug} /> },
        { key: 'honours', label: t('评优', 'Honours'), page: <Honours slug={slug} /> },
        { key: 'partners', label: t('共建伙伴', 'Partners'), page: <Partners slug={slug} /> },
        { key: 'agreements', label: t('联建协议', 'Agreements'), page: <Agreements slug={slug} /> },
        { key: 'ventures', label: t('微创投', 'Micro-ventures'), page: <Ventures slug={slug} /> },
        { key: 'lists', label: t('三张清单', 'Three lists'), page: <Lists slug={slug} /> },
        { key: 'funds', label: t('社区基金', 'Funds'), page: <Funds slug={slug} /> },
        { key: 'spaces', label: t('场地设置', 'Spaces'), page: <Spaces slug={slug} /> },
        { key: 'bookings', label: t('场地预约', 'Bookings'), page: <Bookings slug={slug} /> },
        { key: 'farm', label: t('共享菜园', 'Farm'), page: <Farm slug={slug} /> },
      ],
    },
    {
      key: 'timebank', label: t('时间银行', 'Time bank'), pages: [
        { key: 'volunteers', label: t('志愿者', 'Volunteers'), page: <Volunteers slug={slug} /> },
        { key: 'posts', label: t('岗位与排班', 'Posts and shifts'), page: <Posts slug={slug} /> },
        { key: 'hours', label: t('志愿时长', 'Volunteer hours'), page: <Hours slug={slug} /> },
        { key: 'accounts', label: t('积分账户', 'Points accounts'), page: <Accounts slug={slug} /> },
        { key: 'rewards', label: t('积分兑换', 'Rewards'), page: <Rewards slug={slug} /> },
      ],
    },
    {
      key: 'reports', label: t('报表', 'Reports'), pages: [
        { key: 'figures', label: t('本社区数据', 'Our figures'), page: <CommunityFigures scope={scope} slug={slug} /> },
        { key: 'paper', label: t('台账', 'Paper'), page: <Paper slug={slug} /> },
      ],
    },
  ].map((g) => ({ ...g, pages: teacherOnly ? g.pages.filter((p) => p.key === 'courses' || p.key === 'calendar') : g.pages }))
    .filter((g) => g.pages.length > 0);
  const pages = groups.flatMap((g) => g.pages);
  const current = pages.find((p) => p.key === page) ?? pages[0];
  const open = (key: string) => go('c', slug, key);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{data?.community.name ?? slug}</Typography.Title>
      <div className={narrow ? 'staff-narrow' : 'staff-wide'}>
        {narrow ? (
          <Select aria-label={t('页面', 'Page')} value={current.key} onChange={open} style={{ width: '100%', marginBottom: 12 }}
            options={groups.map((g) => ({ label: g.label, title: g.label, options: g.pages.map((p) => ({ value: p.key, label: p.label })) }))} />
        ) : (
          <nav aria-label={t('社区工作', "Staff's pages")} className="staff-nav">
            <Menu mode="inline" selectedKeys={[current.key]} onClick={({ key }) => open(key)}
              items={groups.map((g) => ({ type: 'group' as const, key: g.key, label: g.label, children: g.pages.map((p) => ({ key: p.key, label: p.label })) }))} />
          </nav>
        )}
        <section className="staff-page" aria-label={current.label}>
          <Typography.Title level={2} className="page-title">{current.label}</Typography.Title>
          {current.page}
        </section>
      </div>
    </>
  );
}
