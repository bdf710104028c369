import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import Papa from 'papaparse';
import { useCallback, useEffect, useState } from 'react';
import { mustChoose } from '../../forms.js';
import { useApi } from '../../api.js';
import { ENUMS, useEnum, useT } from '../../i18n.js';
import { canAdminDistrict } from '../../session.js';

const LIST = `query($c: String!) { district(code: $c) { communities {
  slug name kind status households residents createdAt } } }`;
const ONBOARD = `mutation($i: OnboardCommunityInput!) { onboardCommunity(input: $i) { created community { slug name status } } }`;
const SUSPEND = `mutation($s: String!) { suspendCommunity(slug: $s) { slug status } }`;
const REACTIVATE = `mutation($s: String!) { reactivateCommunity(slug: $s) { slug status } }`;

/** CSV headers accepted, Chinese or English. */
const COLUMNS = {
  slug: ['slug', '标识'],
  name: ['name', '名称', '社区名称'],
  kind: ['kind', '类型', '社区类型'],
  households: ['households', '户数'],
  residents: ['residents', '人口', '人数'],
};

/** One CSV row as an onboarding input, or the reason it cannot be one. */
export function rowToInput(row, districtCode, t) {
  const get = (field) => {
    const key = Object.keys(row).find((k) => COLUMNS[field].includes(k.trim().toLowerCase()) || COLUMNS[field].includes(k.trim()));
    return key === undefined ? '' : String(row[key] ?? '').trim();
  };
  const kindText = get('kind');
  const kind = Object.entries(ENUMS.CommunityKind).find(([k, [zh, en]]) => [k, zh, en.toUpperCase()].includes(kindText) || en.toUpperCase() === kindText.toUpperCase())?.[0];
  if (!kind) return { error: t(`类型“${kindText}”不认识`, `Unknown kind “${kindText}”`) };
  const num = (s) => (s === '' ? null : Number.isInteger(Number(s)) ? Number(s) : NaN);
  const households = num(get('households'));
  const residents = num(get('residents'));
  if (Number.isNaN(households) || Number.isNaN(residents)) return { error: t('户数、人口应为整数', 'Households and residents are whole numbers') };
  return { input: { districtCode, slug: get('slug'), name: get('name'), kind, households, residents } };
}

export default function Communities({ scope }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const { message } = App.useApp();
  const admin = canAdminDistrict(scope);
  const [list, setList] = useState([]);
  const [error, setError] = useState(null);
  const [oneOpen, setOneOpen] = useState(false);
  const [batch, setBatch] = useState(null); // { total, done, rows: [{line, slug, outcome, message}] }

  const load = useCallback(() => {
    api.request(LIST, { c: scope.code }).then((d) => setList(d.district.communities), (e) => setError(e.message));
  }, [api, scope.code]);
  useEffect(load, [load]);

  const onboardOne = async (values) => {
    try {
      const { onboardCommunity: r } = await api.request(ONBOARD, { i: { ...values, districtCode: scope.code } });
      message.success(r.created ? t(`已开通 ${r.community.name}`, `${r.community.name} onboarded`) : t('该社区已存在', 'That community already exists'));
      setOneOpen(false);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const onboardCsv = (file) => {
    Papa.parse(file, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: async ({ data }) => {
        const rows = [];
        setBatch({ total: data.length, done: 0, rows: [] });
        // One at a time: each onboarding creates a schema, a role and its tables.
        for (const [i, row] of data.entries()) {
          const line = i + 2;
          const parsed = rowToInput(row, scope.code, t);
          let result;
          if (parsed.error) result = { line, slug: row.slug ?? row['标识'] ?? '', outcome: 'invalid', message: parsed.error };
          else {
            try {
              const { onboardCommunity: r } = await api.request(ONBOARD, { i: parsed.input });
              result = { line, slug: r.community.slug, outcome: r.created ? 'created' : 'existing', message: r.community.name };
            } catch (e) {
              result = { line, slug: parsed.input.slug, outcome: 'failed', message: e.message };
            }
          }
          rows.push(result);
          setBatch({ total: data.length, done: rows.length, rows: [...rows] });
        }
        load();
      },
      error: (e) => message.error(e.message),
    });
    return false;
  };

  const setStatus = async (slug, suspend) => {
    try {
      await api.request(suspend ? SUSPEND : REACTIVATE, { s: slug });
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const outcomeTag = (o) => ({
    created: <Tag color="blue">{t('已开通', 'Created')}</Tag>,
    existing: <Tag>{t('已存在', 'Existed')}</Tag>,
    invalid: <Tag color="red">{t('格式有误', 'Invalid')}</Tag>,
    failed: <Tag color="red">{t('失败', 'Failed')}</Tag>,
  })[o];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      {admin && (
        <Card size="small" title={t('开通社区', 'Onboard communities')}>
          <Space wrap>
            <Button type="primary" onClick={() => setOneOpen(true)}>{t('开通一个社区', 'Onboard one')}</Button>
            <label className="file-pick">
              {t('从 CSV 文件批量开通', 'Onboard from a CSV file')}
              <input type="file" accept=".csv,text/csv" aria-label={t('选择 CSV 文件', 'Choose a CSV file')}
                style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                onChange={(e) => { const f = e.target.files?.[0]; if (f) onboardCsv(f); e.target.value = ''; }} />
            </label>
          </Space>
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('CSV 表头：slug（标识）、name（名称）、kind（类型，如“老旧院落”）、households（户数）、residents（人口）。',
              'CSV header: slug, name, kind (e.g. OLD_COURTYARD), households, residents.')}
          </Typography.Paragraph>
          {batch && (
            <div aria-live="polite">
              <Progress percent={Math.round((batch.done / Math.max(batch.total, 1)) * 100)} aria-label={t('开通进度', 'Onboarding progress')} />
              <div className="batch-summary">{t(`已处理 ${batch.done} / ${batch.total}`, `${batch.done} of ${batch.total} done`)}</div>
              <Table size="small" rowKey="line" pagination={false} dataSource={batch.rows} className="batch-rows"
                columns={[
                  { title: t('行', 'Line'), dataIndex: 'line' },
                  { title: t('标识', 'Slug'), dataIndex: 'slug' },
                  { title: t('结果', 'Outcome'), dataIndex: 'outcome', render: outcomeTag },
                  { title: t('说明', 'Message'), dataIndex: 'message' },
                ]} />
            </div>
          )}
        </Card>
      )}
      <Table
        rowKey="slug"
        dataSource={list}
        pagination={{ pageSize: 50 }}
       
        columns={[
          { title: t('社区', 'Community'), dataIndex: 'name' },
          { title: t('标识', 'Slug'), dataIndex: 'slug' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k) => label('CommunityKind', k) },
          { title: t('户数', 'Households'), dataIndex: 'households' },
          { title: t('人口', 'Residents'), dataIndex: 'residents' },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s) => <Tag color={s === 'ACTIVE' ? 'blue' : undefined} className={s === 'ACTIVE' ? undefined : 'tag-warn'}>{label('CommunityStatus', s)}</Tag> },
          admin && {
            title: t('操作', 'Actions'),
            render: (_, c) => c.status === 'ACTIVE'
              ? <Button size="small" danger onClick={() => setStatus(c.slug, true)}>{t('暂停', 'Suspend')}</Button>
              : c.status === 'SUSPENDED' && <Button size="small" onClick={() => setStatus(c.slug, false)}>{t('恢复', 'Reactivate')}</Button>,
          },
        ].filter(Boolean)}
      />
      <Modal open={oneOpen} title={t('开通一个社区', 'Onboard a community')} onCancel={() => setOneOpen(false)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={onboardOne}>
          <Form.Item name="name" label={t('社区名称', 'Name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="slug" label={t('标识（小写字母、数字、连字符）', 'Slug (lower-case letters, digits, hyphens)')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[mustChoose(t('请选择类型', 'Choose a kind'))]}>
            <Select options={Object.keys(ENUMS.CommunityKind).map((k) => ({ value: k, label: label('CommunityKind', k) }))} />
          </Form.Item>
          <Form.Item name="households" label={t('户数', 'Households')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="residents" label={t('人口', 'Residents')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('开通', 'Onboard')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
