import { App, Button, Card, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const ROSTER = graphql(`query RosterRoster($c: ID!) { courseRoster(courseId: $c) { id learnerId learnerName status waitlistPosition }
  courseAttendance(courseId: $c) { rate learners { learnerId attended sessionsHeld rate } } }`);
const PRESENT = graphql(`query RosterPresent($s: ID!) { sessionAttendance(sessionId: $s) }`);
const MARK = graphql(`mutation RosterMark($s: ID!, $l: ID!, $p: Boolean!) { markAttendance(sessionId: $s, learnerId: $l, present: $p) }`);
const PRINT = graphql(`mutation RosterPrint($s: ID!) { printSignInSheet(sessionId: $s) { url filename } }`);

/** Enrolled learners then the waiting list; attendance per session; the printable sheet. */
export default function Roster({ slug, course }: { slug: string; course: { id: string; sessions: { id: string; startsAt: string; status: string }[] } }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const [roster, reload] = useGql(ROSTER, { c: course.id }, slug);
  const rates = new Map((roster?.courseAttendance.learners ?? []).map((l) => [l.learnerId, l]));
  // The session chosen, else the first not cancelled (the timetable may be made after opening).
  const [chosen, setSession] = useState<string>();
  const session = chosen ?? course.sessions.find((s) => s.status !== 'CANCELLED')?.id;
  // The session's marks as the API has them, with the marks made here since.
  const [marked] = useGql(PRESENT, { s: session ?? '' }, slug, { enabled: !!session });
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const isPresent = (learnerId: string) => present[`${session}/${learnerId}`] ?? marked?.sessionAttendance.includes(learnerId) ?? false;

  const mark = async (learnerId: string, p: boolean) => {
    try {
      await api.request(MARK, { s: session!, l: learnerId, p }, slug);
      setPresent((m) => ({ ...m, [`${session}/${learnerId}`]: p }));
      reload();
    } catch (e) {
      message.error(e.message);
    }
  };
  const print = async () => {
    try {
      const { printSignInSheet: f } = await api.request(PRINT, { s: session! }, slug);
      window.open(f.url, '_blank', 'noopener');
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Card size="small" title={t('名单与点名', 'Roster and attendance')}
      extra={<Space wrap>
        <Select aria-label={t('课次', 'Session')} value={session} onChange={setSession} style={{ minWidth: 200 }}
          options={course.sessions.map((s) => ({ value: s.id, label: formatDateTime(s.startsAt, lang) }))} />
        <Button onClick={print} disabled={!session}>{t('打印签到表', 'Print sign-in sheet')}</Button>
      </Space>}>
      <Table size="small" rowKey="id" pagination={false} loading={!roster} dataSource={roster?.courseRoster}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'learnerName' },
          { title: t('状态', 'Status'), render: (_, e) => <Tag>{label('EnrolmentStatus', e.status)}{e.waitlistPosition ? ` #${e.waitlistPosition}` : ''}</Tag> },
          {
            title: t('出勤', 'Attended'),
            render: (_, e) => { const r = rates.get(e.learnerId); return r && r.sessionsHeld > 0 ? `${r.attended} / ${r.sessionsHeld}（${((r.rate ?? 0) * 100).toFixed(0)}%）` : '—'; },
          },
          {
            title: t('到课', 'Present'),
            render: (_, e) => e.status === 'ENROLLED' && session && (
              <Checkbox aria-label={`${t('到课', 'Present')}: ${e.learnerName}`} checked={isPresent(e.learnerId)}
                onChange={(ev) => mark(e.learnerId, ev.target.checked)} />
            ),
          },
        ]} />
      {roster?.courseAttendance.rate != null && <p>{t('全班出勤率', 'Attendance rate, whole course')}: {(roster.courseAttendance.rate * 100).toFixed(0)}%</p>}
    </Card>
  );
}
