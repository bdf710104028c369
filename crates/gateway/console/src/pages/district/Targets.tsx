import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { chinaToday, useApi } from '../../lib/api';
import { mustChoose, showApiError } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { canAdminDistrict, type Scope } from '../../lib/session';
import type { TargetPeriod, TargetsListQuery } from '../../gql/graphql';

type Target = TargetsListQuery['districtTargets'][number];

const TARGETS = graphql(`query TargetsList($c: String!, $from: Date!, $to: Date!) {
  districtTargets(districtCode: $c) { id districtCode name figure period minValue }
  districtDashboard(districtCode: $c, from: $from, to: $to) {
    figures { figure label labelEn }
    targets { target { id } met periods } } }`);
const STREETS = graphql(`query TargetsStreets($c: String!) { district(code: $c) { children { code name } } }`);
const SET = graphql(`mutation TargetsSet($c: String!, $i: DistrictTargetInput!) { setDistrictTarget(districtCode: $c, input: $i) { id } }`);
const REMOVE = graphql(`mutation TargetsRemove($c: String!, $n: String!) { removeDistrictTarget(districtCode: $c, name: $n) }`);

/**
 * The district's targets (每月两堂公益课, 季季有交流, 年年有展演 …): for the whole district or one
 * street, each a figure of the catalogue, a period and the least total per community, with
 * how many community-periods this year met it. A target of the district above shows but is
 * changed there.
 */
export default function Targets({ scope }: { scope: Scope }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const admin = canAdminDistrict(scope);
  const [code, setCode] = useState(scope.code!);
  const [form] = Form.useForm();
  const year = `${chinaToday().slice(0, 4)}-01-01`;
  const [data, load] = useGql(TARGETS, { c: code, from: year, to: chinaToday() });
  const [streets] = useGql(STREETS, { c: scope.code! });
  const figures = data?.districtDashboard.figures ?? [];
  const figureLabel = (f: string) => {
    const x = figures.find((y) => y.figure === f);
    return x ? (lang === 'en' ? x.labelEn : x.label) : f;
  };
  const progress = new Map((data?.districtDashboard.targets ?? []).map((x) => [x.target.id, x]));

  const save = async (v: { name: string; figure: string; period: TargetPeriod; minValue: number }) => {
    try {
      await api.request(SET, { c: code, i: { name: v.name.trim(), figure: v.figure, period: v.period, minValue: v.minValue } });
      message.success(t('目标已保存', 'Target saved'));
      form.resetFields();
      load();
    } catch (e) {
      const other = showApiError(form, e, { name: 'name', BAD_USER_INPUT: 'figure' });
      if (other) message.error(other.message);
    }
  };
  const remove = (name: string) => api.request(REMOVE, { c: code, n: name }).then(() => load(), (e) => message.error(e.message));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select aria-label={t('目标适用范围', 'Where the targets apply')} style={{ minWidth: 240 }} value={code} onChange={setCode}
        options={[{ value: scope.code!, label: t(`全区（${scope.name}）`, `The whole district (${scope.name})`) },
          ...(streets?.district.children ?? []).map((s) => ({ value: s.code, label: `${t('街道', 'Street')} · ${s.name}` }))]} />
      <Table<Target> rowKey="id" size="small" loading={!data} dataSource={data?.districtTargets} pagination={false}
        columns={[
          { title: t('目标', 'Target'), dataIndex: 'name' },
          { title: t('指标', 'Figure'), dataIndex: 'figure', render: figureLabel },
          { title: t('周期', 'Period'), dataIndex: 'period', render: (p: string) => label('TargetPeriod', p) },
          { title: t('每社区至少', 'At least per community'), dataIndex: 'minValue' },
          { title: t('今年达成', 'Met this year'), render: (_, x) => { const p = progress.get(x.id); return p ? `${p.met} / ${p.periods}` : '—'; } },
          { title: t('设定者', 'Set by'), render: (_, x) => (x.districtCode === code ? t('本级', 'Here') : <Tag>{t('上级', 'Above')}</Tag>) },
          ...(admin ? [{
            title: t('操作', 'Actions'),
            render: (_: unknown, x: Target) => x.districtCode === code && <Button size="small" danger onClick={() => remove(x.name)}>{t('删除', 'Remove')}</Button>,
          }] : []),
        ]} />
      {admin && (
        <Card size="small" title={t('设定目标（同名则修改）', 'Set a target (the same name changes it)')}>
          <Form form={form} layout="inline" onFinish={save} requiredMark={false} initialValues={{ period: 'MONTH', minValue: 1 }}>
            <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}><Input placeholder={t('每月两堂公益课', 'Two public sessions a month')} /></Form.Item>
            <Form.Item name="figure" label={t('指标', 'Figure')} rules={[mustChoose(t('请选择指标', 'Choose a figure'))]}>
              <Select style={{ minWidth: 220 }} showSearch optionFilterProp="label" virtual={false}
                options={figures.map((f) => ({ value: f.figure, label: lang === 'en' ? f.labelEn : f.label }))} />
            </Form.Item>
            <Form.Item name="period" label={t('周期', 'Period')}>
              <Select style={{ minWidth: 100 }} options={['MONTH', 'QUARTER', 'YEAR'].map((p) => ({ value: p, label: label('TargetPeriod', p) }))} />
            </Form.Item>
            <Form.Item name="minValue" label={t('至少', 'At least')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
