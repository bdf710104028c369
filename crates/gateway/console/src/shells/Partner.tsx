import { Descriptions, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { graphql } from '../gql';
import { useEnum, useT } from '../lib/i18n';
import { useGo, useRest } from '../lib/nav';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';
import Work from '../pages/partner/Work';

const TeamWork = lazy(() => import('../pages/partner/TeamWork'));
const Report = lazy(() => import('../pages/partner/Report'));

const MINE = graphql(`query PartnerMine { me { account { id } } myOrganisations { myRole
  organisation { id name kind description contact }
  members { accountId displayName role }
  teams { id name skills leaderId memberIds }
  partnerships { id status districtId communityId requestedAt decidedAt reason endedAt endReason }
  communities { slug name } } }`);

/**
 * A partner organisation's console (高校、社会组织 …): the organisation, its partnerships, teams
 * and people (pages/partner/Work.tsx); its teams at work in the communities it partners with
 * (TeamWork.tsx); the organisation-wide view of hours and activities by month (Report.tsx).
 */
export default function Partner({ scope }: { scope: Scope }) {
  const t = useT();
  const label = useEnum();
  const go = useGo();
  const [tab = 'organisation'] = useRest();
  const [data, reload] = useGql(MINE);
  const mine = data?.myOrganisations.find((o) => o.organisation.id === scope.organisation);
  if (!mine) return <Typography.Paragraph>{t('加载中…', 'Loading…')}</Typography.Paragraph>;
  const o = mine.organisation;
  const me = data?.me.account.id;
  // An admin works with every team; anyone else with the teams they lead or belong to.
  const teams = mine.teams.filter((tm) => mine.myRole === 'ADMIN' || tm.leaderId === me || (tm.memberIds ?? []).includes(me ?? ''));
  const loading = <Typography.Paragraph>{t('加载中…', 'Loading…')}</Typography.Paragraph>;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{o.name}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go('p', o.id, k)} destroyOnHidden items={[
        {
          key: 'organisation', label: t('单位与团队', 'Organisation and teams'),
          children: (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions bordered size="small" column={1} items={[
                { key: 'kind', label: t('类型', 'Kind'), children: label('OrganisationKind', o.kind) },
                { key: 'contact', label: t('联系方式', 'Contact'), children: o.contact },
                { key: 'about', label: t('简介', 'About'), children: o.description },
              ]} />
              <Work mine={mine} reload={reload} />
            </Space>
          ),
        },
        { key: 'work', label: t('团队工作', 'Teams at work'), children: <Suspense fallback={loading}><TeamWork communities={mine.communities} teams={teams} /></Suspense> },
        { key: 'report', label: t('汇总与导出', 'Summary and export'), children: <Suspense fallback={loading}><Report communities={mine.communities} teams={teams} organisation={o.name} /></Suspense> },
      ]} />
    </Space>
  );
}
