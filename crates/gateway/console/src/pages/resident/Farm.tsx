import { Button } from 'antd-mobile';
import { useState } from 'react';
import Choices from '../../mobile/Choices';
import { chinaToday, formatDateTime, useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const FARM = graphql(`query ResidentFarm { farmSeasons { id name startsOn endsOn claimsOpenOn } farmPlots { id spaceId code areaM2 }
  spaces { id name } myFarm { claims { id plotId seasonId active lastDutyAt warned } waiting { seasonId position } } }`);
const CLAIM = graphql(`mutation ResidentClaimPlot($s: ID!) { claimPlot(seasonId: $s) {
  __typename ... on PlotClaim { id } ... on PlotWaiting { position } } }`);
const RENEW = graphql(`mutation ResidentRenewPlot($from: ID!, $to: ID!, $p: ID!) { renewPlot(fromSeasonId: $from, toSeasonId: $to, plotId: $p) { id } }`);
const DUTY = graphql(`mutation ResidentPlotDuty($c: ID!, $k: String!, $n: String, $photo: Upload) { recordPlotDuty(claimId: $c, kind: $k, note: $n, photo: $photo) }`);
const DUTIES = graphql(`query ResidentPlotDuties($c: ID!) { plotDuties(claimId: $c) { kind note doneAt thumbUrl } }`);

const KINDS: [string, string, string][] = [
  ['WATERING', '浇水', 'Watering'], ['WEEDING', '除草', 'Weeding'], ['SOWING', '播种', 'Sowing'],
  ['FERTILISING', '施肥', 'Fertilising'], ['HARVEST', '收获', 'Harvest'],
];

/** 共享菜园: claim a plot (or wait for one), and record the work on it with a photo from the camera. */
export default function Farm({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [data, load] = useGql(FARM, {}, slug);
  const plot = new Map((data?.farmPlots ?? []).map((p) => [p.id, p]));
  const farm = new Map((data?.spaces ?? []).map((s) => [s.id, s.name]));
  const claim = async (season: string) => {
    try {
      const { claimPlot: r } = await api.request(CLAIM, { s: season }, slug);
      notify.success(r.__typename === 'PlotClaim' ? t('认领成功', 'The plot is yours')
        : t(`菜地已满，已排候补第 ${r.__typename === 'PlotWaiting' ? r.position : ''} 位`, 'All taken: you are on the waiting list'));
      load();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const seasons = data?.farmSeasons ?? [];
  const claims = (data?.myFarm.claims ?? []).filter((c) => c.active);
  // A season still to open for claims: my plot of the season before may be renewed first.
  const renewable = (season: { id: string }) => (data?.myFarm.claims ?? []).find((c) => c.seasonId !== season.id);
  const renew = async (to: string, claim: { seasonId: string; plotId: string }) => {
    try {
      await api.request(RENEW, { from: claim.seasonId, to, p: claim.plotId }, slug);
      notify.success(t('续租成功，还是原来那块地', 'Renewed: the same plot is yours'));
      load();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  return (
    <>
      <h2>{t('共享菜园', 'Shared garden')}</h2>
      {claims.map((c) => {
        const p = plot.get(c.plotId);
        return <Plot key={c.id} slug={slug} claimId={c.id} warned={c.warned} lastDutyAt={c.lastDutyAt}
          title={`${farm.get(p?.spaceId ?? '') ?? ''} ${p?.code ?? ''}`} onDone={load} />;
      })}
      {seasons.map((s) => {
        const mine = claims.some((c) => c.seasonId === s.id);
        const place = data?.myFarm.waiting.find((w) => w.seasonId === s.id);
        if (mine) return null;
        return (
          <section key={s.id} className="m-card">
            <h3>{s.name}</h3>
            <p className="m-muted">{s.startsOn} – {s.endsOn}</p>
            {place ? <p>{t(`我在候补第 ${place.position} 位`, `Number ${place.position} on the waiting list`)}</p>
              : s.claimsOpenOn > chinaToday() ? (
                <>
                  <p>{t(`${s.claimsOpenOn} 开始认领`, `Claims open on ${s.claimsOpenOn}`)}</p>
                  {renewable(s) && <Button block color="primary" onClick={() => renew(s.id, renewable(s)!)}>{t('续租我的菜地', 'Renew my plot')}</Button>}
                </>
              )
                : <Button block color="primary" onClick={() => claim(s.id)}>{t('认领一块菜地', 'Claim a plot')}</Button>}
          </section>
        );
      })}
      {data && seasons.length === 0 && <p className="m-muted">{t('现在没有开放的菜园季', 'No garden season now')}</p>}
    </>
  );
}

function Plot({ slug, claimId, title, warned, lastDutyAt, onDone }: {
  slug: string; claimId: string; title: string; warned: boolean; lastDutyAt?: string | null; onDone: () => void;
}) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const notify = useNotify();
  const [kind, setKind] = useState('WATERING');
  const [photo, setPhoto] = useState<File | null>(null);
  const [duties, reload] = useGql(DUTIES, { c: claimId }, slug);
  const record = async () => {
    try {
      if (photo) await api.upload(DUTY, { c: claimId, k: kind, n: null }, 'photo', photo, slug);
      else await api.request(DUTY, { c: claimId, k: kind, n: null }, slug);
      notify.success(t('已记录', 'Recorded'));
      setPhoto(null);
      reload();
      onDone();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const name = (k: string) => { const f = KINDS.find(([v]) => v === k); return f ? t(f[1], f[2]) : k; };
  return (
    <section className="m-card" aria-label={t(`我的菜地 ${title}`, `My plot ${title}`)}>
      <h3>{t('我的菜地', 'My plot')} {title}</h3>
      {warned && <div className="m-alert error" role="alert">{t('菜地需要照料了，请尽快记录农事', 'Your plot needs tending: record your work soon')}</div>}
      {lastDutyAt && <p className="m-muted">{t('上次农事：', 'Last work: ')}{formatDateTime(lastDutyAt, lang)}</p>}
      <Choices id={`kind-${claimId}`} label={t('今天做了什么', 'Work done today')} value={kind} onChange={setKind}
        options={KINDS.map(([v, zh, en]) => ({ value: v, label: t(zh, en) }))} />
      <label className="m-field m-photo-pick">
        <span>{photo ? t(`已拍照：${photo.name}`, `Photo: ${photo.name}`) : t('拍照（可不拍）', 'Take a photo (optional)')}</span>
        <input id={`duty-photo-${claimId}`} type="file" accept="image/jpeg,image/png,image/webp" capture="environment"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
      </label>
      <Button block color="primary" onClick={record}>{t('记录农事', 'Record the work')}</Button>
      <ul className="m-slots">
        {duties?.plotDuties.map((d, i) => (
          <li key={i}>{name(d.kind)} · {formatDateTime(d.doneAt, lang)}
            {d.thumbUrl && <><br /><img src={d.thumbUrl} alt={t(`${name(d.kind)}的照片`, `Photo of ${name(d.kind)}`)} width={120} /></>}</li>
        ))}
      </ul>
    </section>
  );
}
