import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { CoursesCoursesQuery } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { mustChoose, showApiError } from '../../lib/forms';
import { useEnumOptions, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const CHOICES = graphql(`query CourseFormChoices { courseCategories { code name }
  teachers(first: 100) { edges { node { id name candidate } } }
  clubs(first: 100) { edges { node { id name } } } }`);
const CREATE = graphql(`mutation CourseFormCreate($i: CreateCourseInput!) { createCourse(input: $i) { id title } }`);
const UPDATE = graphql(`mutation CourseFormUpdate($i: UpdateCourseInput!) { updateCourse(input: $i) { id title capacity enrolledCount waitlistCount } }`);
const ADD_CATEGORY = graphql(`mutation CourseFormAddCategory($code: String!, $name: String!) { addCourseCategory(code: $code, name: $name) { code name } }`);

export type Course = CoursesCoursesQuery['courses']['edges'][number]['node'];

interface Draft {
  title: string;
  category: string;
  audience: Course['audience'];
  minAge?: number | null;
  maxAge?: number | null;
  format: Course['format'];
  capacity: number;
  publicBenefit: boolean;
  fee?: number;
  materials?: string;
  teacherIds: string[];
  clubId?: string;
}

/**
 * A course created or edited whole: title, category (a new one added here), audience and ages,
 * format, seats (more seats promote the waiting list; never fewer than taken), public benefit or
 * fee, materials, teachers, and — when created — the club it belongs to.
 */
export default function CourseForm({ slug, course, onDone }: { slug: string; course: Course | null | 'new'; onDone: () => void }) {
  const api = useApi();
  const t = useT();
  const enumOptions = useEnumOptions();
  const { message } = App.useApp();
  const [choices, reload] = useGql(CHOICES, {}, slug);
  const [form] = Form.useForm<Draft>();
  const [categoryForm] = Form.useForm<{ code: string; name: string }>();
  const [addingCategory, setAddingCategory] = useState(false);
  const publicBenefit = Form.useWatch('publicBenefit', form);
  const editing = course && course !== 'new' ? course : null;

  const initial: Partial<Draft> = editing
    ? {
      title: editing.title, category: editing.category, audience: editing.audience, minAge: editing.minAge, maxAge: editing.maxAge,
      format: editing.format, capacity: editing.capacity, publicBenefit: editing.publicBenefit, fee: editing.feeCents / 100,
      materials: editing.materials ?? '', teacherIds: editing.teachers.map((x) => x.id),
    }
    : { audience: 'ALL', format: 'LECTURE', publicBenefit: true, capacity: 20, teacherIds: [] };

  const save = async (v: Draft) => {
    const feeCents = v.publicBenefit ? 0 : Math.round((v.fee ?? 0) * 100);
    const materials = v.materials?.trim() || null;
    try {
      if (editing) {
        const r = await api.request(UPDATE, { i: {
          courseId: editing.id, title: v.title.trim(), category: v.category, audience: v.audience, format: v.format,
          capacity: v.capacity, publicBenefit: v.publicBenefit, feeCents, setAges: true, minAge: v.minAge ?? null, maxAge: v.maxAge ?? null,
          setMaterials: true, materials, teacherIds: v.teacherIds,
        } }, slug);
        const c = r.updateCourse;
        message.success(t(`已保存；已报 ${c.enrolledCount} / ${c.capacity}，候补 ${c.waitlistCount}`, `Saved: ${c.enrolledCount} / ${c.capacity} enrolled, ${c.waitlistCount} waiting`));
      } else {
        await api.request(CREATE, { i: {
          title: v.title.trim(), category: v.category, audience: v.audience, format: v.format, capacity: v.capacity,
          publicBenefit: v.publicBenefit, feeCents, minAge: v.minAge ?? null, maxAge: v.maxAge ?? null, materials,
          teacherIds: v.teacherIds, clubId: v.clubId ?? null,
        } }, slug);
        message.success(t('课程已创建', 'Course created'));
      }
      onDone();
    } catch (e) {
      const other = showApiError(form, e, { category: 'category', capacity: 'capacity', minAge: 'minAge', feeCents: 'fee' });
      if (other) message.error(other.message);
    }
  };
  const addCategory = async (v: { code: string; name: string }) => {
    try {
      const { addCourseCategory: c } = await api.request(ADD_CATEGORY, { code: v.code.trim(), name: v.name.trim() }, slug);
      reload();
      form.setFieldValue('category', c.code);
      setAddingCategory(false);
      categoryForm.resetFields();
    } catch (e) {
      const other = showApiError(categoryForm, e, { code: 'code', name: 'name' });
      if (other) message.error(other.message);
    }
  };

  return (
    <Modal open={!!course} title={editing ? t(`编辑课程 · ${editing.title}`, `Edit · ${editing.title}`) : t('新建课程', 'New course')}
      onCancel={onDone} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} requiredMark={false}>
        <Form.Item name="title" label={t('课程名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
        <Form.Item label={t('类别', 'Category')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="category" noStyle rules={[mustChoose(t('请选择类别', 'Choose a category'))]}>
              <Select aria-label={t('类别', 'Category')} options={choices?.courseCategories.map((c) => ({ value: c.code, label: c.name }))} />
            </Form.Item>
            <Button onClick={() => setAddingCategory(true)}>{t('添加类别', 'New category')}</Button>
          </Space.Compact>
        </Form.Item>
        <Space wrap>
          <Form.Item name="audience" label={t('对象', 'Audience')}><Select style={{ minWidth: 140 }} options={enumOptions('Audience')} /></Form.Item>
          <Form.Item name="minAge" label={t('最小年龄', 'Youngest')}><InputNumber min={0} max={120} /></Form.Item>
          <Form.Item name="maxAge" label={t('最大年龄', 'Oldest')}><InputNumber min={0} max={120} /></Form.Item>
          <Form.Item name="format" label={t('形式', 'Format')}><Select style={{ minWidth: 120 }} options={enumOptions('CourseFormat')} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="capacity" label={t('名额（增加后候补自动递补）', 'Seats (more seats promote the waiting list)')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="publicBenefit" label={t('公益课（免费）', 'Public benefit (free)')} valuePropName="checked"><Switch /></Form.Item>
          {!publicBenefit && (
            <Form.Item name="fee" label={t('收费（元）', 'Fee (yuan)')} rules={[{ required: true }]}><InputNumber min={0} max={100000} step={10} /></Form.Item>
          )}
        </Space>
        <Form.Item name="materials" label={t('材料说明', 'Materials')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="teacherIds" label={t('授课老师', 'Teachers')}>
          <Select mode="multiple" optionFilterProp="label"
            options={choices?.teachers.edges.filter((e) => !e.node.candidate).map((e) => ({ value: e.node.id, label: e.node.name }))} />
        </Form.Item>
        {!editing && (
          <Form.Item name="clubId" label={t('所属社团（可不选）', 'Club (optional)')}>
            <Select allowClear options={choices?.clubs.edges.map((e) => ({ value: e.node.id, label: e.node.name }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">{editing ? t('保存', 'Save') : t('创建', 'Create')}</Button>
      </Form>
      <Modal open={addingCategory} title={t('添加课程类别', 'New course category')} onCancel={() => setAddingCategory(false)} footer={null} destroyOnHidden>
        <Form form={categoryForm} layout="vertical" onFinish={addCategory} requiredMark={false}>
          <Form.Item name="name" label={t('类别名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="code" label={t('代码（小写字母、数字、下划线）', 'Code (lower-case letters, digits, _)')}
            rules={[{ required: true, pattern: /^[a-z0-9_]{2,32}$/, message: t('2 到 32 个小写字母、数字或下划线', '2–32 lower-case letters, digits or underscores') }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
    </Modal>
  );
}
