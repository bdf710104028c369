import { List, Tabs, Typography } from 'antd';
import { graphql } from '../gql';
import { useT } from '../lib/i18n';
import { useGo, useRest } from '../lib/nav';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';
import Demands from '../pages/staff/Demands';

const GRIDS = graphql(`query GridMine { community { name } myGrids courtyards { id name } }`);

/**
 * A grid worker's or 居民小组长's console: their grids (courtyards) and the demands there.
 * The door-to-door work (入户摸底, offline) is the universities-and-grid-workers issue's.
 */
export default function Grid({ scope }: { scope: Scope }) {
  const t = useT();
  const go = useGo();
  const [tab = 'grids'] = useRest();
  const [data] = useGql(GRIDS, {}, scope.slug);
  const mine = new Set(data?.myGrids ?? []);
  const grids = (data?.courtyards ?? []).filter((c) => mine.has(c.id));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{data?.community.name ?? scope.slug}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go('g', scope.slug!, k)} destroyOnHidden
        items={[
          {
            key: 'grids', label: t('我的网格', 'My grids'),
            children: <List bordered dataSource={grids} locale={{ emptyText: t('还没有分配网格', 'No grid assigned yet') }}
              renderItem={(g) => <List.Item>{g.name}</List.Item>} />,
          },
          { key: 'demands', label: t('诉求', 'Demands'), children: <Demands slug={scope.slug!} /> },
        ]} />
    </>
  );
}
