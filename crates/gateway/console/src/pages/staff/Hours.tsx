import { App, Button, Empty, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const PENDING = graphql(`query HoursPending { pendingVolunteerHours { id volunteerId postId servedOn minutes recordedAs }
  volunteers { id name } volunteerPosts { id title pointsPerHour } }`);
const VERIFY = graphql(`mutation HoursVerify($ids: [ID!]!) { verifyVolunteerHours(hoursIds: $ids) { id points } }`);
const DECLINE = graphql(`mutation HoursDecline($id: ID!, $r: String!) { declineVolunteerHours(hoursId: $id, reason: $r) { id } }`);

/** Hours waiting for verification: verifying pays their points in the same transaction. */
export default function Hours({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [data, load] = useGql(PENDING, {}, slug);
  const [chosen, setChosen] = useState<string[]>([]);
  const [declining, setDeclining] = useState<string | null>(null);

  const verify = async () => {
    try {
      const { verifyVolunteerHours: done } = await api.request(VERIFY, { ids: chosen }, slug);
      const points = done.reduce((s, h) => s + (h.points ?? 0), 0);
      message.success(t(`已核验 ${done.length} 条，发放 ${points} 积分`, `${done.length} verified, ${points} points paid`));
      setChosen([]);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const decline = async ({ reason }: { reason: string }) => {
    try {
      await api.request(DECLINE, { id: declining!, r: reason }, slug);
      setDeclining(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const name = new Map((data?.volunteers ?? []).map((v) => [v.id, v.name]));
  const post = new Map((data?.volunteerPosts ?? []).map((p) => [p.id, p]));
  if (data?.pendingVolunteerHours.length === 0) return <Empty description={t('没有待核验的时长', 'No hours waiting')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" disabled={!chosen.length} onClick={verify}>{t(`核验所选（${chosen.length}）`, `Verify selected (${chosen.length})`)}</Button>
      <Table rowKey="id" size="small" loading={!data} dataSource={data?.pendingVolunteerHours} pagination={false}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), // antd passes the label to the checkbox's input (its types leave aria-label out).
        getCheckboxProps: (h) => ({ 'aria-label': `${t('选择', 'Select')} ${name.get(h.volunteerId) ?? ''} ${h.servedOn}` }) as object }}
        columns={[
          { title: t('志愿者', 'Volunteer'), dataIndex: 'volunteerId', render: (id) => name.get(id) ?? id },
          { title: t('岗位', 'Post'), dataIndex: 'postId', render: (id) => post.get(id)?.title ?? id },
          { title: t('日期', 'Date'), dataIndex: 'servedOn' },
          { title: t('时长（分钟）', 'Minutes'), dataIndex: 'minutes' },
          { title: t('积分', 'Points'), render: (_, h) => Math.floor((h.minutes * (post.get(h.postId)?.pointsPerHour ?? 0)) / 60) },
          { title: t('操作', 'Actions'), render: (_, h) => <Button size="small" danger onClick={() => setDeclining(h.id)}>{t('不予核验', 'Decline')}</Button> },
        ]} />
      <Modal open={!!declining} title={t('不予核验', 'Decline hours')} onCancel={() => setDeclining(null)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={decline}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('确定', 'Decline')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
