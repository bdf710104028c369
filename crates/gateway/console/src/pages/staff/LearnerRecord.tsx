import { AutoComplete, Button, Card, Descriptions, Drawer, Form, Input, Popconfirm, Rate, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useDownload } from '../../lib/download';
import { mustChoose } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const RECORD = graphql(`query LearnerRecordRecord($l: ID!) { learnerRecord(learnerId: $l) { learnerId name
  surveys { surveyId title answeredAt }
  courses { courseId title status sessionsHeld attended attendanceRate }
  works { workId title }
  evaluations { courseId title rating comment }
  nominations { pool reason at } } }`);
const CORRECT = graphql(`mutation LearnerRecordCorrect($l: ID!, $i: CorrectRecordInput!, $r: String!) {
  correctRegistryRecord(learnerId: $l, input: $i, reason: $r) { id name birthDate household } }`);
const NOMINATE = graphql(`mutation LearnerRecordNominate($l: ID!, $p: String!, $r: String!) { nominateLearner(learnerId: $l, pool: $p, reason: $r) { id } }`);
const EVALUATE = graphql(`mutation LearnerRecordEvaluate($c: ID!, $l: ID!, $r: Int!, $m: String) { evaluateCourse(courseId: $c, learnerId: $l, rating: $r, comment: $m) }`);
const CORRECTIONS = graphql(`query LearnerRecordCorrections($l: ID!) { recordCorrections(learnerId: $l) { id fields reason correctedAt } }`);
const ERASE = graphql(`mutation LearnerRecordErase($l: ID!) { eraseRegistryRecord(learnerId: $l) { rows objects } }`);
const COPY = graphql(`mutation LearnerRecordCopy($l: ID!) { exportRegistryRecordData(learnerId: $l) { filename url rows photos } }`);
/** The district's role-model pools (榜样库); another name may be typed. */
export const POOLS = ['千人故事', '两江榜样'];

/**
 * A learner's whole loop — 兴趣 (surveys answered), 培训 (courses and attendance), 展示 (works),
 * 评价 (evaluations) — with nominations to the role-model pools, and an evaluation taken down for
 * a learner who cannot type it (代办; the API records who wrote it); a wrong birth date corrected.
 */
export default function LearnerRecord({ slug, learnerId, onClose }: { slug: string; learnerId: string | null; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [data] = useGql(RECORD, { l: learnerId ?? '' }, slug, { enabled: !!learnerId });
  const [fixes, reloadFixes] = useGql(CORRECTIONS, { l: learnerId ?? '' }, slug, { enabled: !!learnerId });
  const label = useEnum();
  const [nominating, setNominating] = useState(false);
  const r = data?.learnerRecord;

  const [copying, download] = useDownload();
  const doRun = useRun();
  const run = (work: () => Promise<unknown>, done: string) => doRun(work, done, () => setNominating(false));

  return (
    <Drawer open={!!learnerId} width={Math.min(720, window.innerWidth)} title={r ? t(`${r.name}的学习档案`, `${r.name}: learning record`) : t('学习档案', 'Learning record')} onClose={onClose} destroyOnHidden>
      {r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered items={[
            { key: 's', label: t('兴趣（问卷）', 'Interest (surveys)'), children: r.surveys.length },
            { key: 'c', label: t('培训（课程）', 'Training (courses)'), children: r.courses.length },
            { key: 'w', label: t('展示（作品）', 'Showing (works)'), children: r.works.map((w) => w.title).join('、') || '—' },
            { key: 'n', label: t('推荐', 'Nominations'), children: r.nominations.map((n) => n.pool).join('、') || '—' },
          ]} />
          <Card size="small" title={t('课程与出勤', 'Courses and attendance')}>
            <Table size="small" rowKey="courseId" pagination={false} dataSource={r.courses}
              columns={[
                { title: t('课程', 'Course'), dataIndex: 'title' },
                { title: t('出勤', 'Attended'), render: (_, c) => `${c.attended} / ${c.sessionsHeld}${c.attendanceRate != null ? `（${(c.attendanceRate * 100).toFixed(0)}%）` : ''}` },
                { title: t('评价', 'Evaluation'), render: (_, c) => { const e = r.evaluations.find((x) => x.courseId === c.courseId); return e ? `${'★'.repeat(e.rating)}${e.comment ? ` ${e.comment}` : ''}` : '—'; } },
              ]} />
          </Card>
          {r.courses.some((c) => c.attended > 0) && (
            <Card size="small" title={t('代为评价课程', 'Take down an evaluation')}>
              <Form layout="vertical" requiredMark={false} initialValues={{ rating: 5 }}
                onFinish={(v: { courseId: string; rating: number; comment?: string }) => run(() => api.request(EVALUATE, { c: v.courseId, l: r.learnerId, r: v.rating, m: v.comment?.trim() || null }, slug), t('评价已记录', 'Evaluation recorded'))}>
                <Form.Item name="courseId" label={t('课程', 'Course')} rules={[mustChoose(t('请选择课程', 'Choose a course'))]}>
                  <Select options={r.courses.filter((c) => c.attended > 0).map((c) => ({ value: c.courseId, label: c.title }))} />
                </Form.Item>
                <Form.Item name="rating" label={t('评分', 'Rating')}><Rate /></Form.Item>
                <Form.Item name="comment" label={t('评语（可不填）', 'Comment (optional)')} rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
                <Button htmlType="submit">{t('记录评价', 'Record')}</Button>
              </Form>
            </Card>
          )}
          <Card size="small" title={t('更正档案（居民反映信息有误时）', 'Correct the record (when the resident says it is wrong)')}>
            <Form layout="vertical" requiredMark={false}
              onFinish={(v: { name?: string; birthDate?: string; household?: string; phone?: string; reason: string }) => {
                const given = (x?: string) => (x?.trim() ? x.trim() : null);
                return run(() => api.request(CORRECT, {
                  l: r.learnerId,
                  i: { name: given(v.name), birthDate: given(v.birthDate), household: given(v.household), phone: given(v.phone) },
                  r: v.reason.trim(),
                }, slug).then(reloadFixes), t('档案已更正', 'Record corrected'));
              }}>
              <Space wrap>
                <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ max: 50 }]}><Input /></Form.Item>
                <Form.Item name="birthDate" label={t('出生日期（课程的年龄要求按它算）', 'Birth date (courses check ages by it)')}>
                  <Input type="date" max={new Date().toISOString().slice(0, 10)} />
                </Form.Item>
                <Form.Item name="household" label={t('门牌（户）', 'Household')} rules={[{ max: 50 }]}><Input /></Form.Item>
                <Form.Item name="phone" label={t('手机号', 'Phone')}><Input inputMode="numeric" maxLength={11} /></Form.Item>
              </Space>
              <Form.Item name="reason" label={t('更正原因（会记录在档案中）', 'Reason (kept with the record)')} rules={[{ required: true, max: 200, message: t('请写明更正原因', 'Say why') }]}>
                <Input />
              </Form.Item>
              <Button htmlType="submit">{t('更正', 'Correct')}</Button>
            </Form>
            {(fixes?.recordCorrections.length ?? 0) > 0 && (
              <ul className="plain-list" aria-label={t('更正记录', 'Corrections')}>
                {fixes?.recordCorrections.map((c) => (
                  <li key={c.id}>{formatDateTime(c.correctedAt, lang)} · {c.fields.map((f) => label('RecordField', f)).join('、')} · {c.reason}</li>
                ))}
              </ul>
            )}
          </Card>
          <Card size="small" title={t('个人信息副本（居民到窗口申请时）', 'A copy of their data (when the resident asks at the counter)')}>
            <p>{t('本社区保存的关于这位居民的全部信息：档案、课程、问卷、预约、积分、诉求、作品照片等，打包为一个压缩文件。操作会被记录。',
              'Everything this community holds about the resident — record, courses, surveys, bookings, points, demands, photos of works — as one zip file. The action is recorded.')}</p>
            <Button loading={copying} onClick={() => download(async () => (await api.request(COPY, { l: r.learnerId }, slug)).exportRegistryRecordData)}>
              {t('导出个人信息副本', 'Export a copy of their data')}
            </Button>
          </Card>
          <Card size="small" title={t('注销档案（居民到窗口申请时：没有账号，或已不在本社区）', 'Erase the record (asked at the counter: no account, or no longer in this community)')}>
            <p>{t('删除姓名、出生日期、手机号、作品照片和文字；课程人数、出勤和积分账目只留下无名的数字。不能恢复，操作会被记录。有账号的居民请本人在手机上“我的 → 注销账号”。',
              'Deletes the name, birth date, phone, photos of works and texts; course counts, attendance and the points ledger stay as nameless numbers. It cannot be undone and is recorded. A resident with an account erases it on their phone (Me → Erase my account).')}</p>
            <Popconfirm title={t(`确定注销${r.name}的档案？`, `Erase ${r.name}'s record?`)} okText={t('确定注销', 'Erase it')} cancelText={t('取消', 'Cancel')} okButtonProps={{ danger: true }}
              onConfirm={() => doRun(() => api.request(ERASE, { l: r.learnerId }, slug), t('档案已注销', 'The record is erased'), onClose)}>
              <Button danger>{t('注销档案', 'Erase the record')}</Button>
            </Popconfirm>
          </Card>
          <Card size="small" title={t('推荐到榜样库', 'Nominations to the role-model pools')}
            extra={<Button size="small" onClick={() => setNominating(true)}>{t('推荐', 'Nominate')}</Button>}>
            <ul className="plain-list">
              {r.nominations.map((n) => <li key={`${n.pool}-${n.at}`}>{formatDateTime(n.at, lang)} · {n.pool} · {n.reason}</li>)}
            </ul>
            {nominating && (
              <Form layout="vertical" requiredMark={false} initialValues={{ pool: POOLS[0] }}
                onFinish={(v: { pool: string; reason: string }) => run(() => api.request(NOMINATE, { l: r.learnerId, p: v.pool.trim(), r: v.reason.trim() }, slug), t(`已推荐到「${v.pool}」`, `Nominated to ${v.pool}`))}>
                <Form.Item name="pool" label={t('榜样库', 'Pool')} rules={[{ required: true, max: 50 }]}>
                  <AutoComplete options={POOLS.map((p) => ({ value: p }))} />
                </Form.Item>
                <Form.Item name="reason" label={t('推荐理由', 'Reason')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
                <Button type="primary" htmlType="submit">{t('提交推荐', 'Nominate')}</Button>
              </Form>
            )}
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
