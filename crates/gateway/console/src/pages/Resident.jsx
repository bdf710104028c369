import { Button, ConfigProvider, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api.js';
import { useT } from '../i18n.js';
import { go } from '../router.js';
import { residentTheme } from '../theme.js';
import MyBookings from './resident/MyBookings.jsx';
import MyCourses from './resident/MyCourses.jsx';
import MyDemands from './resident/MyDemands.jsx';
import MyPoints from './resident/MyPoints.jsx';
import MySurveys from './resident/MySurveys.jsx';
import ActingFor from './resident/ActingFor.jsx';

/**
 * Residents' pages: large type, large buttons, one thing per screen. A guardian picks whom
 * they act for (themselves or a child in their care) once, at the top.
 */
export default function Resident({ scope, tab = 'courses', rest = [] }) {
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
  const sections = [
    { key: 'courses', label: t('课程报名', 'Courses'), page: <MyCourses {...props} /> },
    { key: 'bookings', label: t('我的预约', 'My bookings'), page: <MyBookings {...props} /> },
    { key: 'points', label: t('我的积分', 'My points'), page: <MyPoints {...props} /> },
    { key: 'demands', label: t('反映诉求', 'Report a problem'), page: <MyDemands {...props} /> },
    { key: 'surveys', label: t('问卷调查', 'Surveys'), page: <MySurveys {...props} surveyId={rest[0]} from={rest[1]} /> },
  ];
  return (
    <ConfigProvider theme={residentTheme}>
      <div className="resident">
        <Typography.Title level={1} style={{ fontSize: 30 }}>{community?.name ?? scope.slug}</Typography.Title>
        <ActingFor slug={scope.slug} learners={learners} value={actingFor} onChange={setActingFor} onChildAdded={loadLearners} />
        {/* A row of large buttons that wraps on a phone, rather than tabs that hide the ones
            past the screen's edge behind a menu. */}
        <nav className="resident-nav" aria-label={t('栏目', 'Sections')}>
          {sections.map((s) => (
            <Button key={s.key} size="large" type={s.key === tab ? 'primary' : 'default'}
              aria-current={s.key === tab ? 'page' : undefined} onClick={() => go('r', scope.slug, s.key)}>
              {s.label}
            </Button>
          ))}
        </nav>
        <div>{(sections.find((s) => s.key === tab) ?? sections[0]).page}</div>
      </div>
    </ConfigProvider>
  );
}
