import { Card, Descriptions, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { PointsAccountKind } from '../../gql/graphql';

const ACCOUNTS = graphql(`query AccountsAccounts($k: PointsAccountKind) { pointsAccounts(kind: $k) { id kind name balance }
  ledgerCheck { issued burned held } }`);

/** The time bank's accounts (时间银行) and its books, recounted. */
export default function Accounts({ slug }: { slug: string }) {
  const t = useT();
  const label = useEnum();
  const [kind, setKind] = useState<PointsAccountKind>('PERSON');
  const [data] = useGql(ACCOUNTS, { k: kind }, slug);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data && (
        <Card size="small" title={t('积分总账', 'The books')}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
            { key: 'i', label: t('累计发放', 'Issued'), children: data.ledgerCheck.issued },
            { key: 'b', label: t('累计消耗', 'Spent'), children: data.ledgerCheck.burned },
            { key: 'h', label: t('持有', 'Held'), children: data.ledgerCheck.held },
          ]} />
        </Card>
      )}
      <Segmented aria-label={t('账户类型', 'Account kind')} value={kind} onChange={(v) => setKind(v as PointsAccountKind)}
        options={['PERSON', 'COLLECTIVE', 'FUND'].map((k) => ({ value: k, label: label('PointsAccountKind', k) }))} />
      <Table rowKey="id" size="small" loading={!data} dataSource={data?.pointsAccounts}
        columns={[
          { title: t('账户', 'Account'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k) => label('PointsAccountKind', k) },
          { title: t('余额', 'Balance'), dataIndex: 'balance', align: 'right' },
        ]} />
    </Space>
  );
}
