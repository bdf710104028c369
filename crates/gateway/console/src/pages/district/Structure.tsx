import { App, Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import Papa from 'papaparse';
import { useMemo, useState } from 'react';
import { mustChoose } from '../../lib/forms';
import { useApi } from '../../lib/api';
import { ENUMS, useEnum, useEnumOptions, useT, type T } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { rules, showApiError } from '../../lib/forms';
import { canAdminDistrict, type Scope } from '../../lib/session';
import { graphql } from '../../gql';
import type { CommunityKind } from '../../gql/graphql';

const LIST = graphql(`query StructureList($c: String!) { district(code: $c) {
  communities { slug name kind status households residents createdAt movedTo }
  children { code name communities { slug } } } }`);
const CREATE_STREET = graphql(`mutation StructureCreateStreet($i: CreateDistrictInput!) { createDistrict(input: $i) { code name } }`);
const PLACE = graphql(`mutation StructurePlace($s: String!, $c: String!) { placeCommunity(slug: $s, districtCode: $c) { slug } }`);
const ARCHIVE = graphql(`mutation StructureArchive($s: String!) { archiveCommunity(slug: $s) { slug status } }`);
const ONBOARD = graphql(`mutation StructureOnboard($i: OnboardCommunityInput!) { onboardCommunity(input: $i) { created community { slug name status } } }`);
const SUSPEND = graphql(`mutation StructureSuspend($s: String!) { suspendCommunity(slug: $s) { slug status } }`);
const REACTIVATE = graphql(`mutation StructureReactivate($s: String!) { reactivateCommunity(slug: $s) { slug status } }`);

/** CSV headers accepted, Chinese or English. */
const COLUMNS = {
  slug: ['slug', '标识'],
  name: ['name', '名称', '社区名称'],
  kind: ['kind', '类型', '社区类型'],
  households: ['households', '户数'],
  residents: ['residents', '人口', '人数'],
  street: ['street', '街道', '所属街道'],
};

interface Street {
  code: string;
  name: string;
}

/**
 * One CSV row as an onboarding input, or the reason it cannot be one. The 街道 column names
 * a street of the district by name or code (empty: the district itself).
 */
export function rowToInput(row: Record<string, string>, districtCode: string, streets: Street[], t: T) {
  const get = (field: keyof typeof COLUMNS) => {
    const key = Object.keys(row).find((k) => COLUMNS[field].includes(k.trim().toLowerCase()) || COLUMNS[field].includes(k.trim()));
    return key === undefined ? '' : String(row[key] ?? '').trim();
  };
  const kindText = get('kind');
  const kind = Object.entries(ENUMS.CommunityKind).find(([k, [zh, en]]) => [k, zh, en.toUpperCase()].includes(kindText) || en.toUpperCase() === kindText.toUpperCase())?.[0];
  if (!kind) return { error: t(`类型“${kindText}”不认识`, `Unknown kind “${kindText}”`) };
  const streetText = get('street');
  const street = streetText ? streets.find((x) => x.code === streetText || x.name === streetText) : null;
  if (streetText && !street) return { error: t(`街道“${streetText}”不在本区`, `No street “${streetText}” in this district`) };
  const num = (s: string) => (s === '' ? null : Number.isInteger(Number(s)) ? Number(s) : NaN);
  const households = num(get('households'));
  const residents = num(get('residents'));
  if (Number.isNaN(households) || Number.isNaN(residents)) return { error: t('户数、人口应为整数', 'Households and residents are whole numbers') };
  return { input: { districtCode: street?.code ?? districtCode, slug: get('slug'), name: get('name'), kind: kind as CommunityKind, households, residents } };
}

/**
 * The district's structure (区 → 街道 → 社区): its streets, each community in its street, with
 * onboarding (one, or a CSV with a 街道 column) and the lifecycle (suspend, reactivate,
 * archive; moved communities and where they went).
 */
export default function Structure({ scope }: { scope: Scope }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const { message, modal } = App.useApp();
  const admin = canAdminDistrict(scope);
  const [data, load] = useGql(LIST, { c: scope.code! });
  const list = data?.district.communities ?? [];
  const streets: Street[] = data?.district.children ?? [];
  const streetOf = useMemo(() => {
    const m = new Map<string, Street>();
    for (const st of data?.district.children ?? []) for (const c of st.communities) m.set(c.slug, st);
    return m;
  }, [data]);
  const [streetFilter, setStreetFilter] = useState<string | null>(null);
  const [oneOpen, setOneOpen] = useState(false);
  const [streetOpen, setStreetOpen] = useState(false);
  const [placing, setPlacing] = useState<{ slug: string; name: string } | null>(null);
  const [batch, setBatch] = useState<{ total: number; done: number; rows: any[] } | null>(null);
  const [oneForm] = Form.useForm();
  const [streetForm] = Form.useForm();

  const onboardOne = async (values: { street?: string; name: string; slug: string; kind: CommunityKind; households?: number; residents?: number }) => {
    try {
      const { street, ...rest } = values;
      const { onboardCommunity: r } = await api.request(ONBOARD, { i: { ...rest, districtCode: street ?? scope.code! } });
      message.success(r.created ? t(`已开通 ${r.community.name}`, `${r.community.name} onboarded`) : t('该社区已存在', 'That community already exists'));
      setOneOpen(false);
      load();
    } catch (e) {
      const other = showApiError(oneForm, e, { slug: 'slug', name: 'name' });
      if (other) message.error(other.message);
    }
  };

  const createStreet = async (values: { code: string; name: string }) => {
    try {
      await api.request(CREATE_STREET, { i: { code: values.code, name: values.name, parentCode: scope.code } });
      message.success(t(`已添加街道 ${values.name}`, `Street ${values.name} added`));
      setStreetOpen(false);
      load();
    } catch (e) {
      const other = showApiError(streetForm, e, { districtCode: 'code', name: 'name' });
      if (other) message.error(other.message);
    }
  };

  const place = async ({ to }: { to: string }) => {
    try {
      await api.request(PLACE, { s: placing!.slug, c: to });
      message.success(t('已调整所属街道', 'Street changed'));
      setPlacing(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const archive = (slug: string, name: string) =>
    modal.confirm({
      title: t(`归档 ${name}？`, `Archive ${name}?`),
      content: t('归档后社区停止使用，数据保留，只能由平台恢复。', 'An archived community stops; its data is kept and only the platform can bring it back.'),
      okText: t('归档', 'Archive'),
      okButtonProps: { danger: true },
      cancelText: t('取消', 'Cancel'),
      onOk: () => api.request(ARCHIVE, { s: slug }).then(() => load(), (e) => message.error(e.message)),
    });

  const onboardCsv = (file: File) => {
    Papa.parse(file, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: async ({ data }: { data: Record<string, string>[] }) => {
        const rows: { line: number; slug: string; outcome: string; message?: string }[] = [];
        setBatch({ total: data.length, done: 0, rows: [] });
        // One at a time: each onboarding creates a schema, a role and its tables.
        for (const [i, row] of data.entries()) {
          const line = i + 2;
          const parsed = rowToInput(row, scope.code!, streets, t);
          let result;
          if (parsed.error || !parsed.input) result = { line, slug: row.slug ?? row['标识'] ?? '', outcome: 'invalid', message: parsed.error };
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

  const setStatus = async (slug: string, suspend: boolean) => {
    try {
      if (suspend) await api.request(SUSPEND, { s: slug });
      else await api.request(REACTIVATE, { s: slug });
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const outcomeTag = (o: string) => ({
    created: <Tag color="blue">{t('已开通', 'Created')}</Tag>,
    existing: <Tag>{t('已存在', 'Existed')}</Tag>,
    invalid: <Tag color="red">{t('格式有误', 'Invalid')}</Tag>,
    failed: <Tag color="red">{t('失败', 'Failed')}</Tag>,
  })[o];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('街道', 'Streets')}
        extra={admin && <Button onClick={() => setStreetOpen(true)}>{t('添加街道', 'Add a street')}</Button>}>
        <Space wrap>
          <Button type={streetFilter === null ? 'primary' : 'default'} onClick={() => setStreetFilter(null)}>
            {t(`全部（${list.length}）`, `All (${list.length})`)}
          </Button>
          {streets.map((st) => (
            <Button key={st.code} type={streetFilter === st.code ? 'primary' : 'default'} onClick={() => setStreetFilter(st.code)}>
              {`${st.name}（${data?.district.children.find((c) => c.code === st.code)?.communities.length ?? 0}）`}
            </Button>
          ))}
        </Space>
      </Card>
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
            {t('CSV 表头：slug（标识）、name（名称）、kind（类型，如“老旧院落”）、street（街道，名称或代码，可空）、households（户数）、residents（人口）。',
              'CSV header: slug, name, kind (e.g. OLD_COURTYARD), street (name or code, may be empty), households, residents.')}
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
        dataSource={streetFilter ? list.filter((c) => streetOf.get(c.slug)?.code === streetFilter) : list}
        pagination={{ pageSize: 50 }}
       
        columns={[
          { title: t('社区', 'Community'), dataIndex: 'name' },
          { title: t('标识', 'Slug'), dataIndex: 'slug' },
          { title: t('街道', 'Street'), render: (_, c) => streetOf.get(c.slug)?.name ?? '—' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k) => label('CommunityKind', k) },
          { title: t('户数', 'Households'), dataIndex: 'households' },
          { title: t('人口', 'Residents'), dataIndex: 'residents' },
          {
            title: t('状态', 'Status'), dataIndex: 'status',
            render: (s, c) => (
              <>
                <Tag color={s === 'ACTIVE' ? 'blue' : undefined} className={s === 'ACTIVE' ? undefined : 'tag-warn'}>{label('CommunityStatus', s)}</Tag>
                {c.movedTo && <span>{t('迁往 ', 'to ')}{c.movedTo}</span>}
              </>
            ),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, c) => (
              <Space wrap size="small">
                <a href={`#/d/${scope.code}/dashboard/${encodeURIComponent(c.slug)}`}>{t('看数据', 'Figures')}</a>
                {admin && streets.length > 0 && c.status !== 'MOVED' && (
                  <Button size="small" onClick={() => setPlacing({ slug: c.slug, name: c.name })}>{t('调整街道', 'Change street')}</Button>
                )}
                {admin && c.status === 'ACTIVE' && <Button size="small" danger onClick={() => setStatus(c.slug, true)}>{t('暂停', 'Suspend')}</Button>}
                {admin && c.status === 'SUSPENDED' && <Button size="small" onClick={() => setStatus(c.slug, false)}>{t('恢复', 'Reactivate')}</Button>}
                {admin && (c.status === 'ACTIVE' || c.status === 'SUSPENDED') && (
                  <Button size="small" danger onClick={() => archive(c.slug, c.name)}>{t('归档', 'Archive')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={oneOpen} title={t('开通一个社区', 'Onboard a community')} onCancel={() => setOneOpen(false)} footer={null} destroyOnHidden>
        <Form form={oneForm} layout="vertical" onFinish={onboardOne}>
          <Form.Item name="name" label={t('社区名称', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="slug" label={t('标识（小写字母、数字、连字符）', 'Slug (lower-case letters, digits, hyphens)')}
            rules={[{ required: true }, { pattern: rules.slug, message: t('2–40 个小写字母、数字或连字符，以字母开头', '2–40 lower-case letters, digits or hyphens, starting with a letter') }]}><Input /></Form.Item>
          {streets.length > 0 && (
            <Form.Item name="street" label={t('所属街道', 'Street')}>
              <Select allowClear options={streets.map((st) => ({ value: st.code, label: st.name }))} />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[mustChoose(t('请选择类型', 'Choose a kind'))]}>
            <Select options={enumOptions('CommunityKind')} />
          </Form.Item>
          <Form.Item name="households" label={t('户数', 'Households')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="residents" label={t('人口', 'Residents')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('开通', 'Onboard')}</Button>
        </Form>
      </Modal>
      <Modal open={!!placing} title={t(`调整 ${placing?.name ?? ''} 的所属街道`, `Street of ${placing?.name ?? ''}`)} onCancel={() => setPlacing(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={place} requiredMark={false}
          initialValues={{ to: placing ? streetOf.get(placing.slug)?.code ?? scope.code : undefined }}>
          <Form.Item name="to" label={t('所属街道', 'Street')} rules={[mustChoose(t('请选择街道', 'Choose a street'))]}>
            <Select options={[{ value: scope.code!, label: t(`不属于街道（${scope.name}）`, `No street (${scope.name})`) },
              ...streets.map((st) => ({ value: st.code, label: st.name }))]} />
          </Form.Item>
          <Typography.Paragraph>{t('社区的统计数据随之调整到新街道。', "The community's figures move to the new street with it.")}</Typography.Paragraph>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={streetOpen} title={t('添加街道', 'Add a street')} onCancel={() => setStreetOpen(false)} footer={null} destroyOnHidden>
        <Form form={streetForm} layout="vertical" onFinish={createStreet}>
          <Form.Item name="name" label={t('街道名称', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="code" label={t('街道代码', 'Code')}
            rules={[{ required: true }, { pattern: rules.districtCode, message: t('2–32 个字母、数字、下划线或连字符', '2–32 letters, digits, underscores or hyphens') }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
