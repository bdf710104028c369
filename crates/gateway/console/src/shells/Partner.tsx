import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { graphql } from '../gql';
import { formatDateTime } from '../lib/api';
import { useEnum, useLang, useT } from '../lib/i18n';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';

const MINE = graphql(`query PartnerMine { myOrganisations { myRole
  organisation { id name kind description contact }
  members { accountId displayName role }
  teams { id name skills }
  partnerships { id status districtId communityId requestedAt decidedAt reason endedAt endReason } } }`);

/**
 * A partner organisation's console (高校、社会组织 …): the organisation, its people, teams and
 * partnerships. Registration, teams at work and the university-wide view are the
 * universities-and-grid-workers issue's.
 */
export default function Partner({ scope }: { scope: Scope }) {
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const [data] = useGql(MINE);
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
      <Card size="small" title={t('共建关系', 'Partnerships')}>
        <List dataSource={mine.partnerships} locale={{ emptyText: t('还没有申请共建', 'No partnership requested yet') }}
          renderItem={(p) => (
            <List.Item>
              <Tag>{label('PartnershipStatus', p.status)}</Tag>
              {p.districtId ? t('面向全区', 'District-wide') : t('面向社区', 'One community')}
              {' · '}{formatDateTime(p.requestedAt, lang)}
              {p.reason && ` · ${p.reason}`}{p.endReason && ` · ${p.endReason}`}
            </List.Item>
          )} />
      </Card>
      <Card size="small" title={t('团队', 'Teams')}>
        <List dataSource={mine.teams} renderItem={(tm) => <List.Item>{tm.name}{tm.skills.length ? ` · ${tm.skills.join('、')}` : ''}</List.Item>} />
      </Card>
      <Card size="small" title={t('成员', 'People')}>
        <List dataSource={mine.members} renderItem={(m) => <List.Item>{m.displayName} · {m.role}</List.Item>} />
      </Card>
    </Space>
  );
}
