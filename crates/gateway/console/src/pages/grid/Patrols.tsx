// Patrols (巡查) of the worker's grids — scheduled, then logged once held with how many went and
// what they found — and the posts (岗位) of their micro-grids: the ones held, handed back, and
// free ones claimed. These need the network: they are planned, not taken at a door.
import { Button, Input, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { chinaDay, chinaTime, chinaToday, useApi, useRun } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import Choices from '../../mobile/Choices';
import NumberStep from '../../mobile/NumberStep';
import type { GridProps } from '../../shells/Grid';

const PATROLS = graphql(`query GridPatrols { patrols(first: 30) { id gridId scheduledFor route heldAt patrollers notes }
  myGridPosts { id title duties } microGrids { id gridId name } }`);
const POSTS = graphql(`query GridPosts($m: ID!) { gridPosts(microGridId: $m) { id title duties holderName } }`);
const SCHEDULE = graphql(`mutation GridSchedulePatrol($g: ID!, $at: DateTime!, $r: String!) { schedulePatrol(gridId: $g, scheduledFor: $at, route: $r) { id } }`);
const LOG = graphql(`mutation GridLogPatrol($p: ID!, $n: Int!, $notes: String!, $f: [FindingInput!]!) { logPatrol(patrolId: $p, patrollers: $n, notes: $notes, findings: $f) { patrol { id } } }`);
const CLAIM = graphql(`mutation GridClaimPost($p: ID!) { claimGridPost(postId: $p) { id } }`);
const HAND_BACK = graphql(`mutation GridHandBackPost($p: ID!) { handBackGridPost(postId: $p) { id } }`);

export default function Patrols({ slug, grids, grid }: GridProps) {
  const api = useApi();
  const t = useT();
  const run = useRun();
  const [data] = useGql(PATROLS, {}, slug);
  const [day, setDay] = useState(chinaToday(1));
  const [time, setTime] = useState('19:00');
  const [route, setRoute] = useState('');
  const [logging, setLogging] = useState<string | null>(null);
  const [people, setPeople] = useState(2);
  const [notes, setNotes] = useState('');
  const [finding, setFinding] = useState('');
  const [micro, setMicro] = useState('');
  const mine = new Set(grids.map((g) => g.id));
  const micros = (data?.microGrids ?? []).filter((m) => mine.has(m.gridId));
  const microId = micro || micros[0]?.id;
  const [posts] = useGql(POSTS, { m: microId ?? '' }, slug, { enabled: !!microId });
  const gridName = (id: string) => grids.find((g) => g.id === id)?.name ?? '';
  return (
    <>
      <section className="m-card" aria-labelledby="patrol-new">
        <h2 id="patrol-new">{t('安排巡查', 'Schedule a patrol')}</h2>
        <label className="m-field"><span>{t('日期', 'Date')}</span><input id="patrol-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} /></label>
        <label className="m-field"><span>{t('时间', 'Time')}</span><input id="patrol-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} /></label>
        <label className="m-field"><span>{t('路线', 'Route')}</span><Input id="patrol-route" value={route} onChange={setRoute} placeholder={t('如：1栋—3栋—车棚', 'e.g. block 1 – block 3 – bike shed')} /></label>
        <Button block color="primary" size="large" disabled={!grid || !route.trim()}
          onClick={() => run(() => api.request(SCHEDULE, { g: grid!, at: new Date(`${day}T${time}:00+08:00`).toISOString(), r: route.trim() }, slug), t('巡查已安排', 'Patrol scheduled'), () => setRoute(''))}>
          {t('安排', 'Schedule')}
        </Button>
      </section>
      <h2>{t('巡查', 'Patrols')}</h2>
      {data && data.patrols.length === 0 && <p className="m-muted">{t('还没有巡查', 'No patrols yet')}</p>}
      {data?.patrols.map((p) => (
        <div key={p.id} className="m-card">
          <p><strong>{chinaDay(p.scheduledFor)} {chinaTime(p.scheduledFor)}</strong> {gridName(p.gridId)} · {p.route}</p>
          {p.heldAt ? <p className="m-muted">{t(`已巡查，${p.patrollers ?? 0} 人参加。${p.notes}`, `Held by ${p.patrollers ?? 0}. ${p.notes}`)}</p>
            : logging === p.id ? (
              <>
                <NumberStep id="patrol-people" label={t('参加人数', 'People')} value={people} min={1} max={50} onChange={setPeople} />
                <label className="m-field"><span>{t('情况记录', 'Notes')}</span><TextArea id="patrol-notes" rows={2} value={notes} onChange={setNotes} /></label>
                <label className="m-field"><span>{t('发现的问题（可不填）', 'A problem found (optional)')}</span><Input id="patrol-finding" value={finding} onChange={setFinding} /></label>
                <div className="m-row">
                  <Button color="primary" onClick={() => run(() => api.request(LOG, { p: p.id, n: people, notes: notes.trim(), f: finding.trim() ? [{ what: finding.trim() }] : [] }, slug),
                    t('巡查已记录', 'Patrol logged'), () => { setLogging(null); setNotes(''); setFinding(''); })}>{t('记录', 'Log it')}</Button>
                  <Button onClick={() => setLogging(null)}>{t('取消', 'Cancel')}</Button>
                </div>
              </>
            ) : <Button onClick={() => setLogging(p.id)}>{t('记录巡查', 'Log the patrol')}</Button>}
        </div>
      ))}
      <h2>{t('我的岗位', 'My posts')}</h2>
      {data && data.myGridPosts.length === 0 && <p className="m-muted">{t('还没有认领岗位', 'No post claimed')}</p>}
      {data?.myGridPosts.map((p) => (
        <div key={p.id} className="m-card">
          <p><strong>{p.title}</strong> <span className="m-muted">{p.duties}</span></p>
          <Button onClick={() => run(() => api.request(HAND_BACK, { p: p.id }, slug), t('已交还岗位', 'Post handed back'))}>{t('交还', 'Hand back')}</Button>
        </div>
      ))}
      {micros.length > 0 && (
        <section className="m-card" aria-labelledby="posts-free">
          <h2 id="posts-free">{t('微网格岗位', "Micro-grids' posts")}</h2>
          {micros.length > 1 && <Choices id="posts-micro" label={t('微网格', 'Micro-grid')} value={microId} onChange={setMicro} options={micros.map((m) => ({ value: m.id, label: m.name }))} />}
          {posts?.gridPosts.map((p) => (
            <div key={p.id} className="m-item">
              <p><strong>{p.title}</strong> <span className="m-muted">{p.holderName ? t(`由${p.holderName}认领`, `Held by ${p.holderName}`) : t('空缺', 'Free')}</span></p>
              {!p.holderName && <Button onClick={() => run(() => api.request(CLAIM, { p: p.id }, slug), t('已认领', 'Claimed'))}>{t('认领', 'Claim')}</Button>}
            </div>
          ))}
        </section>
      )}
    </>
  );
}
