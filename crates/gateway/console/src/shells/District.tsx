import { Tabs, Typography } from 'antd';
import { useT } from '../lib/i18n';
import { useGo, useRest } from '../lib/nav';
import type { Scope } from '../lib/session';
import { canAdminDistrict } from '../lib/session';
import Dashboard from '../pages/district/Dashboard';
import Partnerships from '../pages/district/Partnerships';
import People from '../pages/district/People';
import Retention from '../pages/district/Retention';
import Pilots from '../pages/district/Pilots';
import Structure from '../pages/district/Structure';
import Targets from '../pages/district/Targets';
import Wall from '../pages/district/Wall';

/**
 * A district officer's console: dashboards (with the 数据大屏), the district's structure and
 * communities, people, targets, pilot groups and partnerships. Viewers see the dashboards
 * and what is set; only admins change anything.
 */
export default function District({ scope }: { scope: Scope }) {
  const t = useT();
  const go = useGo();
  const [tab = 'dashboard', ...rest] = useRest();
  if (tab === 'wall') return <Wall scope={scope} />;
  const admin = canAdminDistrict(scope);
  // The platform's own settings, shown to its administrators in any district.
  const platform = scope.roles.includes('PLATFORM_ADMIN');
  const items = [
    { key: 'dashboard', label: t('数据看板', 'Dashboard'), children: <Dashboard scope={scope} drill={rest} /> },
    { key: 'communities', label: t('街道与社区', 'Streets & communities'), children: <Structure scope={scope} /> },
    admin && { key: 'people', label: t('人员与角色', 'People & roles'), children: <People scope={scope} /> },
    { key: 'targets', label: t('工作目标', 'Targets'), children: <Targets scope={scope} /> },
    { key: 'pilots', label: t('试点', 'Pilot groups'), children: <Pilots scope={scope} /> },
    { key: 'partnerships', label: t('共建申请', 'Partnerships'), children: <Partnerships scope={scope} /> },
    platform && { key: 'retention', label: t('保存期限', 'Retention'), children: <Retention /> },
  ].filter((x) => !!x);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{scope.name}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go('d', scope.code!, k)} destroyOnHidden items={items} />
    </>
  );
}
