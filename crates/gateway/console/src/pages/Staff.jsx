import { Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../api.js';
import { useT } from '../i18n.js';
import { go } from '../router.js';
import Accounts from './staff/Accounts.jsx';
import Bookings from './staff/Bookings.jsx';
import Courses from './staff/Courses.jsx';
import Demands from './staff/Demands.jsx';
import Exhibitions from './staff/Exhibitions.jsx';
import Hours from './staff/Hours.jsx';
import Partners from './staff/Partners.jsx';
import Surveys from './staff/Surveys.jsx';

/** Community staff's daily work, one tab per task. */
export default function Staff({ scope, tab = 'courses' }) {
  const api = useApi();
  const t = useT();
  const [community, setCommunity] = useState(null);
  useEffect(() => {
    api.request('{ community { name } }', {}, scope.slug).then((d) => setCommunity(d.community), () => {});
  }, [api, scope.slug]);
  const props = { slug: scope.slug };
  const items = [
    { key: 'courses', label: t('课程', 'Courses'), children: <Courses {...props} /> },
    { key: 'surveys', label: t('问卷', 'Surveys'), children: <Surveys {...props} /> },
    { key: 'exhibitions', label: t('展览', 'Exhibitions'), children: <Exhibitions {...props} /> },
    { key: 'bookings', label: t('场地预约', 'Bookings'), children: <Bookings {...props} /> },
    { key: 'hours', label: t('志愿时长', 'Volunteer hours'), children: <Hours {...props} /> },
    { key: 'accounts', label: t('时间银行', 'Time bank'), children: <Accounts {...props} /> },
    { key: 'partners', label: t('共建伙伴', 'Partners'), children: <Partners {...props} /> },
    { key: 'demands', label: t('诉求', 'Demands'), children: <Demands {...props} /> },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{community?.name ?? scope.slug}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go('c', scope.slug, k)} destroyInactiveTabPane items={items} />
    </>
  );
}
