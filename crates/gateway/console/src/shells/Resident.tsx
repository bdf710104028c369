import { Button, ConfigProvider, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../lib/i18n';
import { graphql } from '../gql';
import { useGql } from '../lib/query';
import { useGo, useRest } from '../lib/nav';
import type { Scope } from '../lib/session';
import { residentTheme } from '../lib/theme';
import MyBookings from '../pages/resident/MyBookings';
import MyCourses from '../pages/resident/MyCourses';
import MyDemands from '../pages/resident/MyDemands';
import MyPoints from '../pages/resident/MyPoints';
import MySurveys from '../pages/resident/MySurveys';
import ActingFor from '../pages/resident/ActingFor';
import WalkIn from '../pages/resident/WalkIn';
import CheckIn from '../pages/resident/CheckIn';

/**
 * Residents' pages: large type, large buttons, one thing per screen. A guardian picks whom
 * they act for (themselves or a child in their care) once, at the top.
 */
const LEARNERS = graphql(`query ResidentLearners { myLearners { id name inCare } community { name } }`);

export default function Resident({ scope }: { scope: Scope }) {
  const t = useT();
  const go = useGo();
  const [tab = 'courses', ...rest] = useRest();
  const [actingFor, setActingFor] = useState<string | null>(null); // null: myself
  const [data, loadLearners] = useGql(LEARNERS, {}, scope.slug);
  const learners = data?.myLearners ?? [];
  const community = data?.community;
  const props = { slug: scope.slug!, actingFor, learners };
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
        <ActingFor slug={scope.slug!} learners={learners} value={actingFor} onChange={setActingFor} onChildAdded={loadLearners} />
        {/* A row of large buttons that wraps on a phone, rather than tabs that hide the ones
            past the screen's edge behind a menu. */}
        <nav className="resident-nav" aria-label={t('栏目', 'Sections')}>
          {sections.map((s) => (
            <Button key={s.key} size="large" type={s.key === tab ? 'primary' : 'default'}
              aria-current={s.key === tab ? 'page' : undefined} onClick={() => go('r', scope.slug!, s.key)}>
              {s.label}
            </Button>
          ))}
        </nav>
        {/* An event's QR code opens walk-in/<event>, a session's check-in/<code>: pages of
            their own, not sections. */}
        <div>{tab === 'walk-in' ? <WalkIn {...props} eventId={rest[0]} />
          : tab === 'check-in' ? <CheckIn {...props} token={rest[0]} />
            : (sections.find((s) => s.key === tab) ?? sections[0]).page}</div>
      </div>
    </ConfigProvider>
  );
}
