import { Button, Card, DatePicker, Segmented, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { DeliveryStatus, PaperDeliveriesQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi } from '../../lib/api';
import { useDownload } from '../../lib/download';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const LEDGER = graphql(`mutation PaperLedger($m: String!) { exportMonthlyLedger(month: $m) { filename url } }`);
const FIGURES = graphql(`mutation PaperFigures($from: Date!, $to: Date!, $f: ExportFormat!) {
  exportCommunityFigures(from: $from, to: $to, format: $f) { filename url } }`);
const DELIVERIES = graphql(`query PaperDeliveries($s: DeliveryStatus) {
  notificationDeliveries(status: $s, first: 100) { notificationId kind title channel status attempts lastError updatedAt } }`);

type Delivery = PaperDeliveriesQuery['notificationDeliveries'][number];

/**
 * Paper (台账): the month's ledger as XLSX, the community's figures over a span as XLSX or
 * CSV, and how the notification channel (webhook) did.
 */
export default function Paper({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [month, setMonth] = useState<Dayjs>(dayjs(chinaToday()).subtract(1, 'month'));
  const [span, setSpan] = useState<[Dayjs, Dayjs]>([dayjs(chinaToday()).startOf('year'), dayjs(chinaToday())]);
  const [status, setStatus] = useState<DeliveryStatus | 'ALL'>('ALL');
  const [busy, download] = useDownload();
  const [data] = useGql(DELIVERIES, { s: status === 'ALL' ? null : status }, slug);

  const ledger = () => download(async () => (await api.request(LEDGER, { m: month.format('YYYY-MM') }, slug)).exportMonthlyLedger);
  const figures = (f: 'XLSX' | 'CSV') => download(async () =>
    (await api.request(FIGURES, { from: span[0].format('YYYY-MM-DD'), to: span[1].format('YYYY-MM-DD'), f }, slug)).exportCommunityFigures);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('月度台账', 'Monthly ledger')}>
        <Space wrap>
          <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} aria-label={t('月份', 'Month')} />
          <Button type="primary" loading={busy} onClick={ledger}>{t('下载台账（Excel）', 'Download the ledger (Excel)')}</Button>
        </Space>
      </Card>
      <Card size="small" title={t('社区数据', "The community's figures")}>
        <Space wrap>
          <DatePicker.RangePicker value={span} onChange={(d) => d?.[0] && d[1] && setSpan([d[0], d[1]])} allowClear={false}
            aria-label={t('时间段', 'Span')} />
          <Button loading={busy} onClick={() => figures('XLSX')}>{t('下载 Excel', 'Download Excel')}</Button>
          <Button loading={busy} onClick={() => figures('CSV')}>{t('下载 CSV', 'Download CSV')}</Button>
        </Space>
      </Card>
      <Card size="small" title={t('通知发送情况', 'Notification deliveries')}>
        <Segmented aria-label={t('状态', 'Status')} value={status} onChange={(v) => setStatus(v as DeliveryStatus | 'ALL')}
          options={[{ value: 'ALL', label: t('全部', 'All') }, { value: 'SENT', label: t('已送达', 'Sent') },
            { value: 'FAILED', label: t('失败待重试', 'Failed, retrying') }, { value: 'SENDING', label: t('发送中', 'Sending') }, { value: 'ABANDONED', label: t('已放弃', 'Abandoned') }]} />
        <Table<Delivery> rowKey={(d) => `${d.notificationId}/${d.channel}`} size="small" loading={!data} dataSource={data?.notificationDeliveries}
          pagination={false} style={{ marginTop: 8 }}
          columns={[
            { title: t('通知', 'Notification'), dataIndex: 'title' },
            { title: t('渠道', 'Channel'), dataIndex: 'channel' },
            { title: t('状态', 'Status'), render: (_, d) => <Tag className={d.status === 'SENT' ? undefined : 'tag-warn'}>{d.status}</Tag> },
            { title: t('尝试次数', 'Attempts'), dataIndex: 'attempts' },
            { title: t('错误', 'Error'), render: (_, d) => d.lastError ?? '—' },
            { title: t('时间', 'When'), render: (_, d) => formatDateTime(d.updatedAt, lang) },
          ]} />
      </Card>
    </Space>
  );
}
