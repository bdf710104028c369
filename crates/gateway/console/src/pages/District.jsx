import { Tabs, Typography } from 'antd';
import { useT } from '../i18n.js';
import { go } from '../router.js';
import Communities from './district/Communities.jsx';
import Dashboard from './district/Dashboard.jsx';

/** A district officer's console: the dashboards, and the communities with onboarding. */
export default function District({ scope, tab = 'dashboard' }) {
  const t = useT();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{scope.name}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => go('d', scope.code, k)}
        destroyInactiveTabPane
        items={[
          { key: 'dashboard', label: t('数据看板', 'Dashboard'), children: <Dashboard scope={scope} /> },
          { key: 'communities', label: t('社区管理', 'Communities'), children: <Communities scope={scope} /> },
        ]}
      />
    </>
  );
}
