// The university-wide view (全校汇总): every team in every community the organisation serves,
// its volunteers' verified hours and its agreements' activities month by month, saved as a
// spreadsheet (a university reports its students' service). Read community by community —
// each answers for itself, through the same gate as every other page.
import { useQueries } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import Papa from 'papaparse';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { saveFile } from '../../lib/download';
import { useLang, useT } from '../../lib/i18n';
import type { Team } from './TeamWork';

const SERVED = graphql(`query PartnerServed { agreements { teamId activities { heldOn voided } } }`);
const SERVICE = graphql(`query PartnerTeamMonths($team: ID!) { teamService(teamId: $team) { months { month minutes volunteers } } }`);

interface Row { key: string; month: string; community: string; team: string; hours: number; volunteers: number; activities: number }

export default function Report({ communities, teams, organisation }: { communities: { slug: string; name: string }[]; teams: Team[]; organisation: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const pairs = communities.flatMap((c) => teams.map((tm) => ({ c, tm })));
  const services = useQueries({ queries: pairs.map(({ c, tm }) => ({
    queryKey: [c.slug, lang, 'PartnerTeamMonths', tm.id],
    queryFn: () => api.request(SERVICE, { team: tm.id }, c.slug),
  })) });
  const served = useQueries({ queries: communities.map((c) => ({
    queryKey: [c.slug, lang, 'PartnerServed'],
    queryFn: () => api.request(SERVED, {}, c.slug),
  })) });
  const rows = new Map<string, Row>();
  const row = (month: string, c: { slug: string; name: string }, tm: Team) => {
    const key = `${month}|${c.slug}|${tm.id}`;
    if (!rows.has(key)) rows.set(key, { key, month, community: c.name, team: tm.name, hours: 0, volunteers: 0, activities: 0 });
    return rows.get(key)!;
  };
  pairs.forEach(({ c, tm }, i) => {
    for (const m of services[i].data?.teamService.months ?? []) {
      const r = row(m.month.slice(0, 7), c, tm);
      r.hours += m.minutes / 60;
      r.volunteers += m.volunteers;
    }
  });
  communities.forEach((c, i) => {
    for (const a of served[i].data?.agreements ?? []) {
      // An agreement of the whole organisation counts on a row of its own.
      const tm = a.teamId ? teams.find((x) => x.id === a.teamId) : { id: '', name: t('全单位', 'Whole organisation') };
      if (!tm) continue;
      for (const x of a.activities.filter((x) => !x.voided)) row(x.heldOn.slice(0, 7), c, tm).activities += 1;
    }
  });
  const list = [...rows.values()].sort((a, b) => b.month.localeCompare(a.month) || a.community.localeCompare(b.community) || a.team.localeCompare(b.team));
  const loading = [...services, ...served].some((q) => q.isLoading);
  const save = () => {
    const head = [t('月份', 'Month'), t('社区', 'Community'), t('团队', 'Team'), t('志愿时长（小时）', 'Hours'), t('参与志愿者', 'Volunteers'), t('活动次数', 'Activities')];
    const csv = Papa.unparse([head, ...list.map((r) => [r.month, r.community, r.team, r.hours.toFixed(1), r.volunteers, r.activities])], { quotes: true });
    // A byte-order mark: Excel on Windows reads the Chinese as UTF-8.
    const blob = new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' });
    saveFile({ url: URL.createObjectURL(blob), filename: `${organisation}-service-by-month.csv` });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>
        {t(`${communities.length} 个社区 · ${teams.length} 个团队 · 合计 ${list.reduce((s, r) => s + r.hours, 0).toFixed(1)} 小时、${list.reduce((s, r) => s + r.activities, 0)} 次活动`,
          `${communities.length} communities · ${teams.length} teams · ${list.reduce((s, r) => s + r.hours, 0).toFixed(1)} hours, ${list.reduce((s, r) => s + r.activities, 0)} activities`)}
      </Typography.Paragraph>
      <Button onClick={save} disabled={loading || list.length === 0}>{t('导出表格（CSV）', 'Export (CSV)')}</Button>
      <Table<Row> rowKey="key" size="small" loading={loading} dataSource={list} pagination={{ pageSize: 24, hideOnSinglePage: true }}
        locale={{ emptyText: t('还没有志愿时长或活动记录', 'No hours or activities yet') }}
        columns={[
          { title: t('月份', 'Month'), dataIndex: 'month' },
          { title: t('社区', 'Community'), dataIndex: 'community' },
          { title: t('团队', 'Team'), dataIndex: 'team' },
          { title: t('志愿时长（小时）', 'Hours'), render: (_, r) => r.hours.toFixed(1) },
          { title: t('参与志愿者', 'Volunteers'), dataIndex: 'volunteers' },
          { title: t('活动次数', 'Activities'), dataIndex: 'activities' },
        ]} />
    </Space>
  );
}
