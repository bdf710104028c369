import { Button, Card, Empty, Popconfirm, Table } from 'antd';
import { graphql } from '../../gql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const WAITING = graphql(`query StaffFamilyWaiting { familyHelpWaiting { id learnerName helperName relation requestedAt } }`);
const RECORD = graphql(`mutation StaffFamilyConsent($f: ID!) { recordFamilyConsent(familyHelpId: $f) { id status } }`);
const END = graphql(`mutation StaffFamilyEnd($f: ID!) { endFamilyHelp(familyHelpId: $f) { id status } }`);

/**
 * 家人代办: family members asking to act for a resident, waiting for the resident's answer. A
 * resident without the app agrees in person — at the office or to their grid worker — and
 * staff record it here (audited as theirs); a request that should not stand is ended.
 */
export default function FamilyHelp({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const run = useRun();
  const [data, load] = useGql(WAITING, {}, slug);
  return (
    <Card title={t('家人代办申请（等待居民同意）', 'Family help waiting for the resident’s consent')}>
      {data?.familyHelpWaiting.length === 0 ? <Empty description={t('没有等待的申请', 'Nothing waiting')} /> : (
        <Table rowKey="id" pagination={false} dataSource={data?.familyHelpWaiting} loading={!data}
          columns={[
            { title: t('居民', 'Resident'), dataIndex: 'learnerName' },
            { title: t('申请人', 'Family member'), render: (_, f) => `${f.helperName}（${f.relation}）` },
            { title: t('申请时间', 'Asked'), render: (_, f) => formatDateTime(f.requestedAt, lang) },
            {
              title: t('操作', 'Actions'),
              render: (_, f) => (
                <>
                  <Popconfirm title={t(`${f.learnerName}本人当面同意了吗？`, `Did ${f.learnerName} agree in person?`)}
                    okText={t('已当面同意', 'Yes, in person')} cancelText={t('取消', 'Cancel')}
                    onConfirm={() => run(() => api.request(RECORD, { f: f.id }, slug), t('已记录同意', 'Consent recorded'), load)}>
                    <Button type="primary">{t('记录当面同意', 'Record consent')}</Button>
                  </Popconfirm>{' '}
                  <Button onClick={() => run(() => api.request(END, { f: f.id }, slug), t('已结束', 'Ended'), load)}>{t('结束申请', 'End it')}</Button>
                </>
              ),
            },
          ]} />
      )}
    </Card>
  );
}
