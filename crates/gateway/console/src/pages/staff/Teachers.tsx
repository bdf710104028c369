import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { TeacherKind, TeachersPoolQuery } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { mustChoose, rules, showApiError } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import ResidentPicker from './ResidentPicker';

const POOL = graphql(`query TeachersPool {
  teachers(first: 100) { edges { node { id name kind skills phone candidate teachesIn averageRating teamId teamName } } }
  courses(first: 100) { edges { node { id title status teachers { id } } } }
  communityPartners { organisation { name } teams { id name } } }`);
const CREATE = graphql(`mutation TeachersCreate($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`);
const CONFIRM = graphql(`mutation TeachersConfirm($id: ID!, $k: TeacherKind!, $in: [String!]!) { confirmTeacher(teacherId: $id, kind: $k, teachesIn: $in) { id } }`);
const LINK = graphql(`mutation TeachersLink($id: ID!, $team: ID) { linkTeacherToTeam(teacherId: $id, teamId: $team) }`);

type Teacher = TeachersPoolQuery['teachers']['edges'][number]['node'];

export const TEACHER_KINDS: [TeacherKind, string, string][] = [
  ['EXPERT', '专家', 'Expert'],
  ['LOCAL_TALENT', '本土能人', 'Local talent'],
  ['UNIVERSITY_TEACHER', '高校教师', 'University teacher'],
  ['UNIVERSITY_STUDENT', '高校学生', 'University student'],
  ['SOCIAL_ORGANISATION', '社会组织', 'Social organisation'],
];

const list = (s?: string) => (s ?? '').split(/\n|,|，|、/).map((x) => x.trim()).filter(Boolean);

/**
 * The teacher pool (师资库): teachers by kind, a resident of the registry made a teacher, 达人
 * candidates found by surveys confirmed, a teacher linked to a partner team (校社联动), and
 * where each teaches — the places they serve and the courses they are on.
 */
export default function Teachers({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [data, load] = useGql(POOL, {}, slug);
  const [kind, setKind] = useState<TeacherKind | 'ALL' | 'CANDIDATES'>('ALL');
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<Teacher | null>(null);
  const [linking, setLinking] = useState<Teacher | null>(null);
  const [form] = Form.useForm();
  const kindLabel = (k: TeacherKind) => { const x = TEACHER_KINDS.find((y) => y[0] === k); return x ? t(x[1], x[2]) : k; };
  const teachers = (data?.teachers.edges ?? []).map((e) => e.node);
  const shown = teachers.filter((x) => (kind === 'ALL' ? !x.candidate : kind === 'CANDIDATES' ? x.candidate : !x.candidate && x.kind === kind));
  const coursesOf = (id: string) => (data?.courses.edges ?? []).map((e) => e.node).filter((c) => c.teachers.some((x) => x.id === id));
  const teams = (data?.communityPartners ?? []).flatMap((p) => p.teams.map((tm) => ({ value: tm.id, label: `${p.organisation.name} · ${tm.name}` })));

  const create = async (v: { name: string; kind: TeacherKind; skills?: string; phone?: string; teachesIn?: string; learnerId?: string }) => {
    try {
      await api.request(CREATE, { i: { name: v.name.trim(), kind: v.kind, skills: list(v.skills), phone: v.phone || null, teachesIn: list(v.teachesIn), learnerId: v.learnerId ?? null } }, slug);
      message.success(t('已加入师资库', 'Added to the pool'));
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      const other = showApiError(form, e, { phone: 'phone', name: 'name' });
      if (other) message.error(other.message);
    }
  };
  const confirm = async (v: { kind: TeacherKind; teachesIn?: string }) => {
    try {
      await api.request(CONFIRM, { id: confirming!.id, k: v.kind, in: list(v.teachesIn) }, slug);
      setConfirming(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const link = async (v: { team?: string }) => {
    try {
      await api.request(LINK, { id: linking!.id, team: v.team ?? null }, slug);
      setLinking(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented aria-label={t('师资类型', 'Kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}
          options={[{ value: 'ALL', label: t('全部', 'All') }, ...TEACHER_KINDS.map(([k, zh, en]) => ({ value: k, label: t(zh, en) })),
            { value: 'CANDIDATES', label: t(`达人候选（${teachers.filter((x) => x.candidate).length}）`, `Candidates (${teachers.filter((x) => x.candidate).length})`) }]} />
        <Button type="primary" onClick={() => setAdding(true)}>{t('添加教师', 'Add a teacher')}</Button>
      </Space>
      <Table<Teacher> rowKey="id" size="small" loading={!data} dataSource={shown} pagination={false}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), render: (_, x) => kindLabel(x.kind) },
          { title: t('特长', 'Skills'), render: (_, x) => x.skills.join('、') },
          { title: t('授课地点', 'Teaches at'), render: (_, x) => x.teachesIn.join('、') || '—' },
          { title: t('所授课程', 'Courses'), render: (_, x) => coursesOf(x.id).map((c) => c.title).join('、') || '—' },
          { title: t('共建团队', 'Partner team'), render: (_, x) => x.teamName ?? '—' },
          { title: t('评分', 'Rating'), render: (_, x) => (x.averageRating == null ? '—' : x.averageRating.toFixed(1)) },
          {
            title: t('操作', 'Actions'),
            render: (_, x) => (
              <Space size="small" wrap>
                {x.candidate
                  ? <Button size="small" type="primary" onClick={() => setConfirming(x)}>{t('确认入库', 'Confirm')}</Button>
                  : <Button size="small" onClick={() => setLinking(x)}>{t('关联团队', 'Partner team')}</Button>}
                {x.candidate && <Tag>{t('问卷中的达人', 'From a survey')}</Tag>}
              </Space>
            ),
          },
        ]} />
      <Modal open={adding} title={t('添加教师', 'Add a teacher')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create} requiredMark={false} initialValues={{ kind: 'LOCAL_TALENT' }}>
          <Form.Item name="learnerId" label={t('居民库中的居民（可选）', 'A resident of the registry (optional)')}>
            <ResidentPicker slug={slug} allowClear onPick={(r) => form.setFieldsValue({ name: r.name })} />
          </Form.Item>
          <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[mustChoose(t('请选择类型', 'Choose a kind'))]}>
            <Select options={TEACHER_KINDS.map(([k, zh, en]) => ({ value: k, label: t(zh, en) }))} />
          </Form.Item>
          <Form.Item name="skills" label={t('特长（逗号分隔）', 'Skills (comma separated)')}><Input /></Form.Item>
          <Form.Item name="teachesIn" label={t('授课地点（逗号分隔）', 'Teaches at (comma separated)')}><Input /></Form.Item>
          <Form.Item name="phone" label={t('手机号（可选）', 'Phone (optional)')} rules={[{ pattern: rules.phone, message: t('11 位手机号', 'An 11-digit mobile number') }]}>
            <Input inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={!!confirming} title={t(`确认 ${confirming?.name ?? ''} 入库`, `Confirm ${confirming?.name ?? ''}`)} onCancel={() => setConfirming(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={confirm} requiredMark={false} initialValues={{ kind: 'LOCAL_TALENT', teachesIn: confirming?.teachesIn.join('，') }}>
          <Card size="small">{t('问卷中的自述：', 'What they wrote: ')}{confirming?.skills.join('、')}</Card>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[mustChoose(t('请选择类型', 'Choose a kind'))]}>
            <Select options={TEACHER_KINDS.map(([k, zh, en]) => ({ value: k, label: t(zh, en) }))} />
          </Form.Item>
          <Form.Item name="teachesIn" label={t('授课地点（逗号分隔）', 'Teaches at (comma separated)')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={!!linking} title={t(`${linking?.name ?? ''} 所属共建团队`, `${linking?.name ?? ''}'s partner team`)} onCancel={() => setLinking(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={link} initialValues={{ team: linking?.teamId ?? undefined }}>
          <Form.Item name="team" label={t('团队（清空则解除关联）', 'Team (clear to unlink)')}>
            <Select allowClear options={teams} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
