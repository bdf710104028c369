import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { CadenceCounts, CadencePeriod } from '../../gql/graphql';
import { chinaToday, useApi } from '../../lib/api';
import { useEnum, useEnumOptions, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const REPORT = graphql(`query CadenceReport($m: String!) { cadenceReport(month: $m) {
  target { id name period minSessions publicBenefitOnly counts } periods { startsOn sessions met } met } }`);
const CREATE = graphql(`mutation CadenceCreate($n: String!, $p: CadencePeriod!, $min: Int!, $pb: Boolean!, $c: CadenceCounts!) {
  createCadenceTarget(name: $n, period: $p, minSessions: $min, publicBenefitOnly: $pb, counts: $c) { id } }`);


/**
 * Cadence targets (频次目标: e.g. a public-benefit course every week, a 达人服务日 every month)
 * and, for a chosen month, whether each was met in every week, month, quarter or year it
 * touches.
 */
export default function Cadence({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const { message } = App.useApp();
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const [data, load] = useGql(REPORT, { m: month }, slug, { keepPrevious: true });
  const [adding, setAdding] = useState(false);

  const create = async (v: { name: string; period: CadencePeriod; minSessions: number; publicBenefitOnly: boolean; counts: CadenceCounts }) => {
    try {
      await api.request(CREATE, { n: v.name.trim(), p: v.period, min: v.minSessions, pb: v.publicBenefitOnly, c: v.counts }, slug);
      message.success(t('目标已设定', 'Target set'));
      setAdding(false);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setAdding(true)}>{t('新建频次目标', 'New target')}</Button>
        <label>{t('报告月份：', 'Month: ')}
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label={t('报告月份', 'Month')} />
        </label>
      </Space>
      <Card size="small" title={t(`${month} 频次目标完成情况`, `Cadence targets, ${month}`)}>
        <Table size="small" rowKey={(r) => r.target.id} pagination={false} loading={!data} dataSource={data?.cadenceReport}
          locale={{ emptyText: t('还没有频次目标', 'No targets yet') }}
          columns={[
            { title: t('目标', 'Target'), render: (_, r) => r.target.name },
            {
              title: t('要求', 'Asks for'),
              render: (_, r) => t(`${label('CadencePeriod', r.target.period)}至少 ${r.target.minSessions} 次${label('CadenceCounts', r.target.counts)}${r.target.publicBenefitOnly ? '（公益）' : ''}`,
                `${label('CadencePeriod', r.target.period)}: at least ${r.target.minSessions} × ${label('CadenceCounts', r.target.counts)}${r.target.publicBenefitOnly ? ' (public benefit)' : ''}`),
            },
            {
              title: t('各期', 'Periods'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.periods.map((p) => <Tag key={p.startsOn} className={p.met ? 'tag-ok' : 'tag-warn'}>{p.startsOn} {t('起', '')}：{p.sessions}</Tag>)}
                </Space>
              ),
            },
            { title: t('达成', 'Met'), render: (_, r) => (r.met ? <Tag className="tag-ok">{t('已达成', 'Met')}</Tag> : <Tag className="tag-warn">{t('未达成', 'Not met')}</Tag>) },
          ]} />
      </Card>
      <Modal open={adding} title={t('新建频次目标', 'New cadence target')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={create} initialValues={{ period: 'WEEK', minSessions: 1, publicBenefitOnly: false, counts: 'SESSIONS' }}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="period" label={t('周期', 'Every')}><Select style={{ minWidth: 120 }} options={enumOptions('CadencePeriod')} /></Form.Item>
            <Form.Item name="minSessions" label={t('至少几次', 'At least')}><InputNumber min={1} max={1000} /></Form.Item>
            <Form.Item name="counts" label={t('统计', 'Counting')}><Select style={{ minWidth: 140 }} options={enumOptions('CadenceCounts')} /></Form.Item>
          </Space>
          <Form.Item name="publicBenefitOnly" label={t('只算公益课', 'Public-benefit courses only')} valuePropName="checked"><Switch /></Form.Item>
          <Button type="primary" htmlType="submit">{t('设定', 'Set')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
