import { Button, Checkbox, Input } from 'antd-mobile';
import { useState } from 'react';
import { useApi, useRun } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const TOGETHER = graphql(`query ResidentTogether { courtyards { id name kind } microGrids { id name gridId }
  myGridPosts { id title microGridId } myPartyReport { id workplace partyOrganisation reportedAt } }`);
const DECISIONS = graphql(`query ResidentDecisions($c: ID!) { courtyardDecisions(courtyardId: $c) { id decision ownerName dueOn status } }`);
const POSTS = graphql(`query ResidentGridPosts($m: ID!) { gridPosts(microGridId: $m) { id title duties holderName } }`);
const CLAIM = graphql(`mutation ResidentClaimPost($p: ID!, $party: Boolean!) { claimGridPost(postId: $p, asPartyMember: $party) { id holderName } }`);
const HAND_BACK = graphql(`mutation ResidentHandBackPost($p: ID!) { handBackGridPost(postId: $p) { id } }`);
const REPORT_IN = graphql(`mutation ResidentReportIn($w: String!, $o: String!, $s: [String!]!) { reportInAsPartyMember(workplace: $w, partyOrganisation: $o, skills: $s) { id } }`);

const YARD_KEY = 'linli.courtyard';

/**
 * 共建共治 for a resident: what the meetings decided for my courtyard, posts of the micro-grids
 * to take on (楼栋长, 红色管家 …) or hand back, and reporting in as a party member (双报到).
 */
export default function Together({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const [data] = useGql(TOGETHER, {}, slug);
  const [yard, setYard] = useState(() => localStorage.getItem(`${YARD_KEY}.${slug}`) ?? '');
  const [grid, setGrid] = useState('');
  const [party, setParty] = useState(false);
  const [workplace, setWorkplace] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [decisions] = useGql(DECISIONS, { c: yard }, slug, { enabled: !!yard });
  const [posts] = useGql(POSTS, { m: grid }, slug, { enabled: !!grid });
  // A write makes the page's queries read again (lib/api.ts).
  const run = useRun();
  const chooseYard = (id: string) => {
    localStorage.setItem(`${YARD_KEY}.${slug}`, id);
    setYard(id);
  };
  const mine = new Set((data?.myGridPosts ?? []).map((p) => p.id));
  return (
    <>
      <h2>{t('共建共治', 'Working together')}</h2>
      <section className="m-card" aria-labelledby="yard-decisions">
        <h2 id="yard-decisions">{t('院落议事的决定', "Decisions for my courtyard")}</h2>
        <label className="m-field"><span>{t('我住的院落或网格', 'My courtyard or grid')}</span>
          <select id="courtyard" value={yard} onChange={(e) => chooseYard(e.target.value)}>
            <option value="">{t('请选择', 'Choose')}</option>
            {data?.courtyards.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></label>
        {yard && decisions?.courtyardDecisions.length === 0 && <p className="m-muted">{t('还没有决定', 'No decisions yet')}</p>}
        <ul className="m-slots">
          {decisions?.courtyardDecisions.map((d) => (
            <li key={d.id}>{d.decision}<br /><span className="m-muted">{t(`${d.ownerName} 负责，${d.dueOn} 前`, `${d.ownerName}, by ${d.dueOn}`)}
              {' · '}{d.status === 'DONE' ? t('已办结', 'Done') : d.status === 'OPEN' ? t('办理中', 'Under way') : t('已撤销', 'Dropped')}</span></li>
          ))}
        </ul>
      </section>
      <section className="m-card" aria-labelledby="grid-posts">
        <h2 id="grid-posts">{t('认领岗位', 'Take on a post')}</h2>
        {(data?.myGridPosts ?? []).map((p) => (
          <div key={p.id} className="m-row">
            <span>{t(`我担任：${p.title}`, `I hold: ${p.title}`)}</span>
            <Button size="middle" onClick={() => run(() => api.request(HAND_BACK, { p: p.id }, slug), t('已交还', 'Handed back'))}>{t('交还', 'Hand back')}</Button>
          </div>
        ))}
        <label className="m-field"><span>{t('微网格', 'Micro-grid')}</span>
          <select id="micro-grid" value={grid} onChange={(e) => setGrid(e.target.value)}>
            <option value="">{t('请选择', 'Choose')}</option>
            {data?.microGrids.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select></label>
        <Checkbox checked={party} onChange={setParty}>{t('我是党员', 'I am a party member')}</Checkbox>
        <ul className="m-slots">
          {posts?.gridPosts.map((p) => (
            <li key={p.id}><strong>{p.title}</strong> {p.duties && <span className="m-muted">{p.duties}</span>}<br />
              {p.holderName ? <span className="m-muted">{t(`${p.holderName} 已认领`, `Held by ${p.holderName}`)}</span>
                : !mine.has(p.id) && <Button size="middle" color="primary" onClick={() => run(() => api.request(CLAIM, { p: p.id, party }, slug), t(`已认领：${p.title}`, `Taken on: ${p.title}`))}>{t('认领', 'Take it on')}</Button>}</li>
          ))}
        </ul>
      </section>
      <section className="m-card" aria-labelledby="party-report">
        <h2 id="party-report">{t('在职党员双报到', 'Party members reporting in')}</h2>
        {data?.myPartyReport ? (
          <p>{t(`已报到：${data.myPartyReport.workplace}（${data.myPartyReport.partyOrganisation}）`, `Reported in: ${data.myPartyReport.workplace} (${data.myPartyReport.partyOrganisation})`)}</p>
        ) : (
          <>
            <label className="m-field"><span>{t('工作单位', 'Workplace')}</span><Input id="workplace" value={workplace} onChange={setWorkplace} /></label>
            <label className="m-field"><span>{t('所在党组织', 'Party organisation')}</span><Input id="party-organisation" value={organisation} onChange={setOrganisation} /></label>
            <Button block color="primary" disabled={!workplace.trim() || !organisation.trim()}
              onClick={() => run(() => api.request(REPORT_IN, { w: workplace.trim(), o: organisation.trim(), s: [] }, slug), t('已报到', 'Reported in'))}>{t('报到', 'Report in')}</Button>
          </>
        )}
      </section>
    </>
  );
}
