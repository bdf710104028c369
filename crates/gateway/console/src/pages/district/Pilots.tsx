import { App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { showApiError } from '../../lib/forms';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { canAdminDistrict, type Scope } from '../../lib/session';
import { periodOf } from './period';

const GROUPS = graphql(`query PilotsGroups($c: String!) { pilotGroups(districtCode: $c) { name communities }
  district(code: $c) { communities { slug name } } }`);
const SET = graphql(`mutation PilotsSet($c: String!, $n: String!, $m: [String!]!) { setPilotGroup(districtCode: $c, name: $n, communities: $m) { name communities } }`);
const COMPARE = graphql(`query PilotsCompare($c: String!, $g: String!, $from: Date!, $to: Date!) {
  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {
    pilot { communities { total } figures { figure label labelEn value } }
    rest { communities { total } figures { figure label labelEn value } } } }`);

/**
 * Pilot groups (试点 → 全区推广): create one or change its members, and compare it with the
 * rest of the district per community over the last twelve months.
 */
export default function Pilots({ scope }: { scope: Scope }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const admin = canAdminDistrict(scope);
  const [form] = Form.useForm();
  const [data, load] = useGql(GROUPS, { c: scope.code! });
  const [chosen, setChosen] = useState<string | null>(null);
  const [from, to] = periodOf('twelveMonths');
  const [compared] = useGql(COMPARE, { c: scope.code!, g: chosen ?? '', from, to }, undefined, { enabled: !!chosen });
  const names = new Map((data?.district.communities ?? []).map((c) => [c.slug, c.name]));

  const save = async (v: { name: string; communities: string[] }) => {
    try {
      await api.request(SET, { c: scope.code!, n: v.name.trim(), m: v.communities });
      message.success(t('试点已保存', 'Pilot group saved'));
      form.resetFields();
      load();
    } catch (e) {
      const other = showApiError(form, e, { name: 'name', BAD_USER_INPUT: 'communities' });
      if (other) message.error(other.message);
    }
  };

  const perCommunity = (d: { communities: { total: number } }, v: number) => (d.communities.total ? (v / d.communities.total).toFixed(1) : '—');
  const rows = compared
    ? compared.pilotComparison.pilot.figures.map((f) => ({
      figure: f.figure,
      label: lang === 'en' ? f.labelEn : f.label,
      pilot: perCommunity(compared.pilotComparison.pilot, f.value),
      rest: perCommunity(compared.pilotComparison.rest, compared.pilotComparison.rest.figures.find((r) => r.figure === f.figure)?.value ?? 0),
    }))
    : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Table rowKey="name" size="small" loading={!data} dataSource={data?.pilotGroups} pagination={false}
        columns={[
          { title: t('试点', 'Pilot group'), dataIndex: 'name' },
          { title: t('社区', 'Communities'), dataIndex: 'communities', render: (cs: string[]) => cs.map((c) => names.get(c) ?? c).join('、') },
          {
            title: t('操作', 'Actions'),
            render: (_, g) => (
              <Space size="small">
                <Button size="small" onClick={() => setChosen(g.name)}>{t('对比其余社区', 'Compare with the rest')}</Button>
                {admin && <Button size="small" onClick={() => form.setFieldsValue({ name: g.name, communities: g.communities })}>{t('修改', 'Edit')}</Button>}
              </Space>
            ),
          },
        ]} />
      {chosen && (
        <Card size="small" title={t(`${chosen}：试点与其余社区（近十二个月，每社区平均）`, `${chosen}: pilot and the rest (last twelve months, per community)`)}>
          <Table rowKey="figure" size="small" loading={!compared} dataSource={rows} pagination={false} className="pilot-compare"
            columns={[
              { title: t('指标', 'Figure'), dataIndex: 'label' },
              { title: t('试点', 'Pilot'), dataIndex: 'pilot' },
              { title: t('其余', 'The rest'), dataIndex: 'rest' },
            ]} />
        </Card>
      )}
      {admin && (
        <Card size="small" title={t('设定试点（同名则修改成员）', 'Set a pilot group (the same name changes its members)')}>
          <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
            <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
            <Form.Item name="communities" label={t('社区', 'Communities')} rules={[{ validator: (_, v) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('至少选一个社区', 'Choose at least one community')))) }]}>
              <Select mode="multiple" showSearch optionFilterProp="label" virtual={false}
                options={(data?.district.communities ?? []).map((c) => ({ value: c.slug, label: c.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
