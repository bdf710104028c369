import { Tabs, Typography } from 'antd';
import { useT } from '../lib/i18n';
import { graphql } from '../gql';
import { useGql } from '../lib/query';
import { useGo, useRest } from '../lib/nav';
import type { Scope } from '../lib/session';
import Accounts from '../pages/staff/Accounts';
import Bookings from '../pages/staff/Bookings';
import Courses from '../pages/staff/Courses';
import Demands from '../pages/staff/Demands';
import Exhibitions from '../pages/staff/Exhibitions';
import Hours from '../pages/staff/Hours';
import Partners from '../pages/staff/Partners';
import Surveys from '../pages/staff/Surveys';
import Teachers from '../pages/staff/Teachers';
import Paper from '../pages/staff/Paper';
import Registry from '../pages/staff/Registry';
import Events from '../pages/staff/Events';

/** Community staff's daily work, one tab per task. */
const COMMUNITY = graphql(`query StaffCommunity { community { name } me { account { displayName } } }`);

export default function Staff({ scope }: { scope: Scope }) {
  const t = useT();
  const go = useGo();
  const [tab = 'courses'] = useRest();
  const [data] = useGql(COMMUNITY, {}, scope.slug);
  const community = data?.community;
  const props = { slug: scope.slug! };
  const items = [
    { key: 'courses', label: t('课程', 'Courses'), children: <Courses {...props} /> },
    { key: 'teachers', label: t('师资库', 'Teachers'), children: <Teachers {...props} /> },
    { key: 'events', label: t('活动', 'Events'), children: <Events {...props} /> },
    { key: 'surveys', label: t('问卷', 'Surveys'), children: <Surveys {...props} /> },
    { key: 'registry', label: t('居民库与代办', 'Registry'), children: <Registry {...props} me={data?.me.account.displayName} /> },
    { key: 'exhibitions', label: t('展览', 'Exhibitions'), children: <Exhibitions {...props} /> },
    { key: 'bookings', label: t('场地预约', 'Bookings'), children: <Bookings {...props} /> },
    { key: 'hours', label: t('志愿时长', 'Volunteer hours'), children: <Hours {...props} /> },
    { key: 'accounts', label: t('时间银行', 'Time bank'), children: <Accounts {...props} /> },
    { key: 'partners', label: t('共建伙伴', 'Partners'), children: <Partners {...props} /> },
    { key: 'demands', label: t('诉求', 'Demands'), children: <Demands {...props} /> },
    { key: 'paper', label: t('台账', 'Paper'), children: <Paper {...props} /> },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{community?.name ?? scope.slug}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go('c', scope.slug!, k)} destroyInactiveTabPane items={items} />
    </>
  );
}
