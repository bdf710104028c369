import { App, Button, Card, Form, Input, List, Select, Space, Tag } from 'antd';
import { useApi } from '../../lib/api';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const DEMANDS = graphql(`query MyDemandsDemands { demands { id title status resolution } }`);
const SUBMIT = graphql(`mutation MyDemandsSubmit($i: DemandInputGql!) { submitDemand(input: $i) { id } }`);
const ANSWER = graphql(`mutation MyDemandsAnswer($d: ID!, $a: Boolean!, $r: String) { answerDemand(demandId: $d, agree: $a, reason: $r) { id status } }`);
const CATEGORIES = [['环境卫生', 'Cleanliness'], ['设施维修', 'Repairs'], ['邻里纠纷', 'Neighbours'], ['安全隐患', 'Safety'], ['其他', 'Other']];

/** Report a problem (反映诉求) and confirm the answer. */
export default function MyDemands({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [data, load] = useGql(DEMANDS, {}, slug);
  const list = data?.demands ?? [];
  const submit = async (v: { title: string; category: string; detail?: string }) => {
    try {
      await api.request(SUBMIT, { i: { title: v.title, category: v.category, detail: v.detail ?? '' } }, slug);
      message.success(t('已提交，社区会尽快答复', 'Sent; the community will answer soon'));
      form.resetFields();
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const answer = (id: string, agree: boolean) => api.request(ANSWER, { d: id, a: agree, r: agree ? null : t('问题还没有解决', 'Not solved yet') }, slug)
    .then(load, (e) => message.error(e.message));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card className="big-card">
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: '环境卫生' }}>
          <Form.Item name="title" label={t('遇到了什么问题', 'What is the problem')} rules={[{ required: true, message: t('请说一说问题', 'Say what the problem is') }]}><Input size="large" /></Form.Item>
          <Form.Item name="category" label={t('类别', 'Kind')}>
            <Select size="large" options={CATEGORIES.map(([zh, en]) => ({ value: zh, label: t(zh, en) }))} />
          </Form.Item>
          <Form.Item name="detail" label={t('详细说明（可不填）', 'Details (optional)')}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" size="large" htmlType="submit" block>{t('提交', 'Send')}</Button>
        </Form>
      </Card>
      <List dataSource={list} renderItem={(d) => (
        <List.Item actions={d.status === 'RESOLVED' ? [
          <Button key="y" type="primary" onClick={() => answer(d.id, true)}>{t('已解决', 'Solved')}</Button>,
          <Button key="n" onClick={() => answer(d.id, false)}>{t('没解决', 'Not solved')}</Button>,
        ] : []}>
          <div><strong>{d.title}</strong>{d.resolution && <div>{t('答复：', 'Answer: ')}{d.resolution}</div>}</div>
          <Tag>{label('DemandStatus', d.status)}</Tag>
        </List.Item>
      )} />
    </Space>
  );
}
