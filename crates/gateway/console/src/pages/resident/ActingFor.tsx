import { App, Button, Card, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { graphql } from '../../gql';

/** Someone the account may act for: themself or a child in their care. */
export interface Learner {
  id: string;
  name: string;
  inCare: boolean;
}

const REGISTER_CHILD = graphql(`mutation ActingForRegisterChild($n: String!, $b: Date!) { registerChild(name: $n, birthDate: $b) { id name } }`);

/** 我在为谁办理: myself, or a child in my care (a guardian acting for a child). */
export default function ActingFor({ slug, learners, value, onChange, onChildAdded }: {
  slug: string;
  learners: Learner[];
  value: string | null;
  onChange: (v: string | null) => void;
  onChildAdded: () => void;
}) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const children = learners.filter((l) => l.inCare);
  const add = async ({ name, birthDate }: { name: string; birthDate: string }) => {
    try {
      await api.request(REGISTER_CHILD, { n: name, b: birthDate }, slug);
      setAdding(false);
      onChildAdded();
    } catch (e) {
      message.error(e.message);
    }
  };
  return (
    <Card className="big-card" size="small">
      <Space wrap align="center">
        <span id="acting-for-label">{t('我在为谁办理：', 'Acting for:')}</span>
        <Radio.Group aria-labelledby="acting-for-label" value={value ?? 'me'} onChange={(e) => onChange(e.target.value === 'me' ? null : e.target.value)}
          optionType="button" buttonStyle="solid"
          options={[{ value: 'me', label: t('我自己', 'Myself') }, ...children.map((c) => ({ value: c.id, label: c.name }))]} />
        <Button onClick={() => setAdding(true)}>{t('添加孩子', 'Add a child')}</Button>
      </Space>
      <Modal open={adding} title={t('添加我照顾的孩子', 'Add a child in my care')} onCancel={() => setAdding(false)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={add}>
          <Form.Item name="name" label={t('孩子姓名', "Child's name")} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="birthDate" label={t('出生日期', 'Date of birth')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Button type="primary" htmlType="submit" block>{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}
