import { ConfigProvider, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api.js';
import { useT } from '../i18n.js';
import { go } from '../router.js';
import { residentTheme } from '../theme.js';
import MyBookings from './resident/MyBookings.jsx';
import MyCourses from './resident/MyCourses.jsx';
import MyDemands from './resident/MyDemands.jsx';
import MyPoints from './resident/MyPoints.jsx';
import ActingFor from './resident/ActingFor.jsx';

/**
 * Residents' pages: large type, large buttons, one thing per screen. A guardian picks whom
 * they act for (themselves or a child in their care) once, at the top.
 */
export default function Resident({ scope, tab = 'courses' }) {
  const api = useApi();
  const t = useT();
  const [learners, setLearners] = useState([]);
  const [actingFor, setActingFor] = useState(null); // null: myself
  const [community, setCommunity] = useState(null);
  const loadLearners = useCallback(() => {
    api.request('{ myLearners { id name inCare } community { name } }', {}, scope.slug)
      .then((d) => { setLearners(d.myLearners); setCommunity(d.community); }, () => {});
  }, [api, scope.slug]);
  useEffect(loadLearners, [loadLearners]);
  const props = { slug: scope.slug, actingFor, learners };
  return (
    <ConfigProvider theme={residentTheme}>
      <div className="resident">
        <Typography.Title level={1} style={{ fontSize: 30 }}>{community?.name ?? scope.slug}</Typography.Title>
        <ActingFor slug={scope.slug} learners={learners} value={actingFor} onChange={setActingFor} onChildAdded={loadLearners} />
        <Tabs
          activeKey={tab}
          onChange={(k) => go('r', scope.slug, k)}
          size="large"
          destroyInactiveTabPane
          items={[
            { key: 'courses', label: t('课程报名', 'Courses'), children: <MyCourses {...props} /> },
            { key: 'bookings', label: t('我的预约', 'My bookings'), children: <MyBookings {...props} /> },
            { key: 'points', label: t('我的积分', 'My points'), children: <MyPoints {...props} /> },
            { key: 'demands', label: t('反映诉求', 'Report a problem'), children: <MyDemands {...props} /> },
          ]}
        />
      </div>
    </ConfigProvider>
  );
}
