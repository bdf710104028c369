import { Descriptions, Space, Typography } from 'antd';
import { graphql } from '../gql';
import { useEnum, useT } from '../lib/i18n';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';
import Work from '../pages/partner/Work';

const MINE = graphql(`query PartnerMine { myOrganisations { myRole
  organisation { id name kind description contact }
  members { accountId displayName role }
  teams { id name skills memberIds }
  partnerships { id status districtId communityId requestedAt decidedAt reason endedAt endReason } } }`);

/**
 * A partner organisation's console (高校、社会组织 …): the organisation, its partnerships, teams
 * and people (pages/partner/Work.tsx). Registration is the public page #/register; teams at
 * work and the university-wide view are the rest of issue 34.
 */
export default function Partner({ scope }: { scope: Scope }) {
  const t = useT();
  const label = useEnum();
  const [data, reload] = useGql(MINE);
  const mine = data?.myOrganisations.find((o) => o.organisation.id === scope.organisation);
  if (!mine) return <Typography.Paragraph>{t('加载中…', 'Loading…')}</Typography.Paragraph>;
  const o = mine.organisation;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{o.name}</Typography.Title>
      <Descriptions bordered size="small" column={1} items={[
        { key: 'kind', label: t('类型', 'Kind'), children: label('OrganisationKind', o.kind) },
        { key: 'contact', label: t('联系方式', 'Contact'), children: o.contact },
        { key: 'about', label: t('简介', 'About'), children: o.description },
      ]} />
      <Work mine={mine} reload={reload} />
    </Space>
  );
}
