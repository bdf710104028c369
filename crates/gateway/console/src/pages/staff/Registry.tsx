import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { RegistryImportMutation, RegistryResidentsQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi } from '../../lib/api';
import { mustChoose, rules, showApiError } from '../../lib/forms';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import LearnerRecord from './LearnerRecord';
import SurveyQuestions, { type Values, answersOf } from '../../components/SurveyQuestions';

const RESIDENTS = graphql(`query RegistryResidents($n: String, $c: ID, $min: Int, $max: Int, $p: String) {
  residents(name: $n, courtyardId: $c, minAge: $min, maxAge: $max, phone: $p, first: 100) {
    edges { node { id name age courtyardId phoneMasked household hasAccount enteredByWorker } } }
  courtyards { id name }
  householdCoverage { households visited rate unplaced } }`);
const OCCASIONS = graphql(`query RegistryOccasions($from: Date!) {
  courses(first: 100) { edges { node { id title status } } }
  events(from: $from, days: 31) { id title startsAt capacity registered }
  surveys(first: 50) { nodes { id title open questions { id kind prompt options } } } }`);
const REGISTER = graphql(`mutation RegistryRegister($i: RegisterResidentInput!) { registerResident(input: $i) { id name } }`);
const IMPORT = graphql(`mutation RegistryImport($file: Upload!) { importResidents(file: $file) {
  created existing invalid rows { line outcome message messageEn } } }`);
const ENROL = graphql(`mutation RegistryEnrol($c: ID!, $l: ID!) { enrol(courseId: $c, learnerId: $l) { status waitlistPosition } }`);
const WALK_IN = graphql(`mutation RegistryWalkIn($e: ID!, $l: ID!) { walkIn(at: { eventId: $e }, learnerId: $l) }`);
const COURTYARD = graphql(`mutation RegistryCourtyard($i: CreateCourtyardInput!) { createCourtyard(input: $i) { id name } }`);
const REGISTER_EVENT = graphql(`mutation RegistryRegisterEvent($e: ID!, $l: ID!) { registerForEvent(eventId: $e, learnerId: $l) { registered capacity } }`);
const ANSWER = graphql(`mutation RegistryAnswer($s: ID!, $a: [AnswerInputGql!]!, $l: ID!) { answerSurvey(surveyId: $s, answers: $a, learnerId: $l, channel: DOOR_TO_DOOR) }`);
const DEMAND = graphql(`mutation RegistryDemand($i: DemandInputGql!) { submitDemand(input: $i) { id } }`);

type Resident = RegistryResidentsQuery['residents']['edges'][number]['node'];
type Report = RegistryImportMutation['importResidents'];
type Search = { n?: string; c?: string; min?: number; max?: number; p?: string };
type Acting = { resident: Resident; what: 'enrol' | 'register' | 'walkIn' | 'survey' | 'demand' };

/**
 * The registry (居民库): search by name, courtyard or grid, age band and phone; register a
 * resident; import CSV or XLSX with a result per row; and act for a resident (代办) — enrol,
 * register for an event, count a walk-in, answer a survey at the door, report a demand. The API
 * records the worker and the resident of each act.
 */
export default function Registry({ slug, me }: { slug: string; me?: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [search, setSearch] = useState<Search>({});
  const [data, load] = useGql(RESIDENTS, { n: search.n || null, c: search.c || null, min: search.min ?? null, max: search.max ?? null, p: search.p || null }, slug, { keepPrevious: true });
  const [occasions] = useGql(OCCASIONS, { from: chinaToday() }, slug);
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<Acting | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [record, setRecord] = useState<string | null>(null); // the resident whose learning record shows
  const [addingCourtyard, setAddingCourtyard] = useState(false);
  const [surveyId, setSurveyId] = useState<string | null>(null); // the survey answered for a resident
  const survey = occasions?.surveys.nodes.find((x) => x.id === surveyId);
  const [form] = Form.useForm();
  const courtyard = new Map((data?.courtyards ?? []).map((c) => [c.id, c.name]));
  const cov = data?.householdCoverage;

  const register = async (v: { name: string; birthDate?: string; courtyardId?: string; phone?: string; household?: string }) => {
    try {
      await api.request(REGISTER, { i: { name: v.name.trim(), birthDate: v.birthDate || null, courtyardId: v.courtyardId ?? null, phone: v.phone || null, household: v.household || null } }, slug);
      message.success(t(`已登记 ${v.name}`, `${v.name} registered`));
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      const other = showApiError(form, e, { phone: 'phone', name: 'name' });
      if (other) message.error(other.message);
    }
  };
  const importFile = async (file: File) => {
    try {
      setReport((await api.upload(IMPORT, {}, 'file', file, slug)).importResidents);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const act = async (v: { course?: string; event?: string; survey?: string; title?: string; category?: string; detail?: string } & Values) => {
    const { resident, what } = acting!;
    try {
      if (what === 'register') {
        await api.request(REGISTER_EVENT, { e: v.event!, l: resident.id }, slug);
        message.success(t('已代报名活动', 'Registered for the event'));
      } else if (what === 'survey') {
        await api.request(ANSWER, { s: survey!.id, a: answersOf(survey!.questions, v), l: resident.id }, slug);
        message.success(t('问卷已代为填写（入户）', 'Answers entered (door to door)'));
      } else if (what === 'enrol') {
        const { enrol } = await api.request(ENROL, { c: v.course!, l: resident.id }, slug);
        message.success(enrol.status === 'WAITLISTED' ? t(`已代报名，候补第 ${enrol.waitlistPosition} 位`, `Waiting list, place ${enrol.waitlistPosition}`) : t('已代报名', 'Enrolled'));
      } else if (what === 'walkIn') {
        await api.request(WALK_IN, { e: v.event!, l: resident.id }, slug);
        message.success(t('已登记到场', 'Counted'));
      } else {
        await api.request(DEMAND, { i: { title: v.title!.trim(), category: v.category!, detail: v.detail ?? '', forPersonId: resident.id, forName: resident.name } }, slug);
        message.success(t('诉求已代为提交', 'Demand reported'));
      }
      setActing(null);
      setSurveyId(null);
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {cov && (
        <Card size="small">
          <Space wrap size="large">
            <Statistic title={t('已摸底户数', 'Households visited')} value={cov.visited} suffix={cov.households != null ? `/ ${cov.households}` : ''} />
            <Statistic title={t('覆盖率', 'Coverage')} value={cov.rate == null ? '—' : `${Math.round(cov.rate * 100)}%`} />
            <Statistic title={t('未定院落的户', 'Households with no courtyard')} value={cov.unplaced} />
          </Space>
        </Card>
      )}
      <Card size="small">
        <Form layout="inline" onFinish={(v: Search) => setSearch(v)} className="filters">
          <Form.Item name="n" label={t('姓名', 'Name')}><Input allowClear /></Form.Item>
          <Form.Item name="c" label={t('院落/网格', 'Courtyard')}>
            <Select allowClear style={{ minWidth: 140 }} options={(data?.courtyards ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="min" label={t('年龄从', 'Age from')}><InputNumber min={0} max={130} /></Form.Item>
          <Form.Item name="max" label={t('到', 'to')}><InputNumber min={0} max={130} /></Form.Item>
          <Form.Item name="p" label={t('手机号', 'Phone')}><Input allowClear inputMode="tel" /></Form.Item>
          <Button type="primary" htmlType="submit">{t('查找', 'Search')}</Button>
        </Form>
        <Space wrap style={{ marginTop: 12 }}>
          <Button onClick={() => setAdding(true)}>{t('登记居民', 'Register a resident')}</Button>
          <Button onClick={() => setAddingCourtyard(true)}>{t('添加院落/网格', 'Add a courtyard or grid')}</Button>
          <label className="file-pick">
            {t('从 CSV 或 Excel 导入', 'Import CSV or Excel')}
            <input type="file" accept=".csv,.xlsx,text/csv" aria-label={t('选择导入文件', 'Choose a file to import')}
              style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
              onChange={(e) => { const f = e.target.files?.[0]; if (f) importFile(f); e.target.value = ''; }} />
          </label>
        </Space>
      </Card>
      {report && (
        <Card size="small" title={t(`导入结果：新增 ${report.created}，已有 ${report.existing}，有误 ${report.invalid}`, `Imported: ${report.created} new, ${report.existing} existing, ${report.invalid} invalid`)}>
          <Table rowKey="line" size="small" pagination={false} dataSource={report.rows.filter((r) => r.outcome !== 'CREATED')} className="import-rows"
            columns={[
              { title: t('行', 'Line'), dataIndex: 'line' },
              { title: t('结果', 'Outcome'), dataIndex: 'outcome' },
              { title: t('说明', 'Message'), render: (_, r) => (lang === 'en' ? r.messageEn : r.message) ?? '' },
            ]} />
        </Card>
      )}
      <Table<Resident> rowKey="id" size="small" loading={!data} dataSource={data?.residents.edges.map((e) => e.node)} pagination={false}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('年龄', 'Age'), render: (_, r) => r.age ?? '—' },
          { title: t('院落', 'Courtyard'), render: (_, r) => (r.courtyardId ? courtyard.get(r.courtyardId) : null) ?? '—' },
          { title: t('户', 'Household'), render: (_, r) => r.household ?? '—' },
          { title: t('手机', 'Phone'), render: (_, r) => r.phoneMasked ?? '—' },
          { title: t('账号', 'Account'), render: (_, r) => (r.hasAccount ? <Tag>{t('已注册', 'Signed up')}</Tag> : '—') },
          {
            title: t('代办', 'Act for'),
            render: (_, r) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => setActing({ resident: r, what: 'enrol' })}>{t('代报名', 'Enrol')}</Button>
                <Button size="small" onClick={() => setActing({ resident: r, what: 'register' })}>{t('代报名活动', 'Register')}</Button>
                <Button size="small" onClick={() => setActing({ resident: r, what: 'walkIn' })}>{t('代登记到场', 'Count in')}</Button>
                <Button size="small" onClick={() => setActing({ resident: r, what: 'survey' })}>{t('代填问卷', 'Answer a survey')}</Button>
                <Button size="small" onClick={() => setActing({ resident: r, what: 'demand' })}>{t('代提诉求', 'Report')}</Button>
                <Button size="small" onClick={() => setRecord(r.id)}>{t('学习档案', 'Record')}</Button>
              </Space>
            ),
          },
        ]} />
      <Modal open={adding} title={t('登记居民', 'Register a resident')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={register} requiredMark={false}>
          <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="birthDate" label={t('出生日期', 'Born')}><Input type="date" /></Form.Item>
          <Form.Item name="courtyardId" label={t('院落/网格', 'Courtyard')}>
            <Select allowClear options={(data?.courtyards ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="household" label={t('户（如 3栋2单元501）', 'Household (e.g. 3栋2单元501)')}><Input /></Form.Item>
          <Form.Item name="phone" label={t('手机号', 'Phone')} rules={[{ pattern: rules.phone, message: t('11 位手机号', 'An 11-digit mobile number') }]}><Input inputMode="tel" /></Form.Item>
          <Button type="primary" htmlType="submit">{t('登记', 'Register')}</Button>
        </Form>
      </Modal>
      <Modal open={!!acting} footer={null} destroyOnHidden onCancel={() => setActing(null)}
        title={t(`为 ${acting?.resident.name ?? ''} 代办`, `Acting for ${acting?.resident.name ?? ''}`)}>
        <p className="acting-who">{t(`代办人：${me ?? ''}（记入操作日志）`, `Acting: ${me ?? ''} (recorded in the audit log)`)}</p>
        <Form layout="vertical" onFinish={act} requiredMark={false}>
          {acting?.what === 'enrol' && (
            <Form.Item name="course" label={t('课程', 'Course')} rules={[mustChoose(t('请选择课程', 'Choose a course'))]}>
              <Select showSearch optionFilterProp="label"
                options={(occasions?.courses.edges ?? []).map((e) => e.node).filter((c) => c.status === 'OPEN').map((c) => ({ value: c.id, label: c.title }))} />
            </Form.Item>
          )}
          {acting?.what === 'register' && (
            <Form.Item name="event" label={t('活动', 'Event')} rules={[mustChoose(t('请选择活动', 'Choose an event'))]}>
              <Select options={(occasions?.events ?? []).filter((e) => e.capacity != null).map((e) => ({ value: e.id, label: `${e.title} · ${formatDateTime(e.startsAt, lang)}（${e.registered}/${e.capacity}）` }))} />
            </Form.Item>
          )}
          {acting?.what === 'survey' && (
            <>
              <Form.Item name="survey" label={t('问卷', 'Survey')} rules={[mustChoose(t('请选择问卷', 'Choose a survey'))]}>
                <Select onChange={setSurveyId} options={(occasions?.surveys.nodes ?? []).filter((x) => x.open).map((x) => ({ value: x.id, label: x.title }))} />
              </Form.Item>
              {survey && <SurveyQuestions questions={survey.questions} />}
            </>
          )}
          {acting?.what === 'walkIn' && (
            <Form.Item name="event" label={t('活动', 'Event')} rules={[mustChoose(t('请选择活动', 'Choose an event'))]}>
              <Select options={(occasions?.events ?? []).map((e) => ({ value: e.id, label: `${e.title} · ${formatDateTime(e.startsAt, lang)}` }))} />
            </Form.Item>
          )}
          {acting?.what === 'demand' && (
            <>
              <Form.Item name="title" label={t('诉求', 'Demand')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
              <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true, max: 30 }]}><Input placeholder={t('设施维修', 'Repairs')} /></Form.Item>
              <Form.Item name="detail" label={t('详情', 'Detail')}><Input.TextArea rows={3} /></Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={addingCourtyard} title={t('添加院落/网格', 'Add a courtyard or grid')} onCancel={() => setAddingCourtyard(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'COURTYARD' }}
          onFinish={(v: { name: string; kind: 'COURTYARD' | 'GRID'; households?: number }) => api.request(COURTYARD, { i: { name: v.name.trim(), kind: v.kind, households: v.households ?? null } }, slug)
            .then(() => { message.success(t(`已添加 ${v.name}`, `${v.name} added`)); setAddingCourtyard(false); load(); }, (e) => message.error(e.message))}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Select options={[{ value: 'COURTYARD', label: t('院落', 'Courtyard') }, { value: 'GRID', label: t('网格', 'Grid') }]} />
          </Form.Item>
          <Form.Item name="households" label={t('户数（可不填）', 'Households (optional)')}><InputNumber min={0} max={100000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      <LearnerRecord slug={slug} learnerId={record} onClose={() => setRecord(null)} />
    </Space>
  );
}
