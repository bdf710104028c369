import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import Choices from '../../mobile/Choices';
import NumberStep from '../../mobile/NumberStep';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const MINE = graphql(`query ResidentVolunteering($from: DateTime!) { myVolunteering { volunteer { id name status skills starLevel verifiedMinutes } }
  volunteerPosts { id title pointsPerHour } volunteerShifts(from: $from, days: 14) { id postId startsAt endsAt place needed signedUp }
  myShiftIds(from: $from) }`);
const HOURS = graphql(`query ResidentVolunteerHours { volunteerStatement { verifiedMinutes pointsEarned hours { id postId servedOn minutes status declineReason } } }`);
const REGISTER = graphql(`mutation ResidentRegisterVolunteer($s: [String!]!) { registerVolunteer(skills: $s) { id status } }`);
const SIGN_UP = graphql(`mutation ResidentShiftSignUp($s: ID!) { signUpForShift(shiftId: $s) { id signedUp } }`);
const WITHDRAW = graphql(`mutation ResidentShiftWithdraw($s: ID!) { withdrawFromShift(shiftId: $s) { id signedUp } }`);
const RECORD = graphql(`mutation ResidentRecordHours($i: RecordHoursInput!) { recordVolunteerHours(input: $i) { id status } }`);
const CERTIFICATE = graphql(`mutation ResidentCertificate { issueVolunteerCertificate { url filename minutes } }`);

/** 志愿服务: register, sign up for shifts (and withdraw), record hours, star level, the certificate as PDF. */
export default function Volunteer({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const [from] = useState(() => new Date().toISOString());
  const [data] = useGql(MINE, { from }, slug);
  const me = data?.myVolunteering?.volunteer;
  const active = me?.status === 'ACTIVE';
  const [hours] = useGql(HOURS, {}, slug, { enabled: !!me });
  const [skills, setSkills] = useState('');
  const [post, setPost] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(60);
  const [day, setDay] = useState(chinaToday());
  const posts = new Map((data?.volunteerPosts ?? []).map((p) => [p.id, p.title]));
  const mine = new Set(data?.myShiftIds ?? []);
  // A write makes the page's queries read again (lib/api.ts).
  const run = useRun();
  const certificate = async () => {
    try {
      const { issueVolunteerCertificate: c } = await api.request(CERTIFICATE, undefined, slug);
      window.location.assign(c.url);
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  if (data && !me) {
    return (
      <section className="m-card">
        <h2>{t('成为志愿者', 'Become a volunteer')}</h2>
        <p>{t('登记后由社区确认，之后可以报名志愿岗位、记录服务时长、赚积分。', 'The community confirms you; then you sign up for shifts, record hours and earn points.')}</p>
        <label className="m-field"><span>{t('我的专长（可不填，用顿号分开）', 'My skills (optional, separated by 、)')}</span>
          <Input id="skills" value={skills} onChange={setSkills} placeholder={t('如：理发、修家电', 'e.g. haircuts, repairs')} /></label>
        <Button block color="primary" onClick={() => run(() => api.request(REGISTER, { s: skills.split(/[、,，\s]+/).filter(Boolean) }, slug), t('已登记，等待社区确认', 'Registered: the community will confirm'))}>
          {t('登记成为志愿者', 'Register')}</Button>
      </section>
    );
  }
  return (
    <>
      <h2>{t('志愿服务', 'Volunteering')}</h2>
      {me && (
        <section className="m-card">
          <p><span className="m-tag">{label('VolunteerStatus', me.status)}</span> {'★'.repeat(me.starLevel)}{me.starLevel === 0 && t('暂无星级', 'No star yet')}</p>
          <p>{t(`已认证服务 ${(me.verifiedMinutes / 60).toFixed(1)} 小时`, `${(me.verifiedMinutes / 60).toFixed(1)} verified hours`)}
            {hours && t(`，共得 ${hours.volunteerStatement.pointsEarned} 积分`, `, ${hours.volunteerStatement.pointsEarned} points earned`)}</p>
          {me.verifiedMinutes > 0 && <Button block onClick={certificate}>{t('下载志愿服务证明（PDF）', 'Download my certificate (PDF)')}</Button>}
          {!active && <p className="m-muted">{t('社区确认后就可以报名岗位。', 'Once the community confirms you, you can sign up for shifts.')}</p>}
        </section>
      )}
      {active && (
        <section aria-labelledby="shifts">
          <h2 id="shifts">{t('近两周的岗位', 'Shifts in the next two weeks')}</h2>
          {data?.volunteerShifts.length === 0 && <p className="m-muted">{t('暂时没有', 'None now')}</p>}
          {data?.volunteerShifts.map((s) => (
            <div key={s.id} className="m-card">
              <h3>{posts.get(s.postId)}</h3>
              <p>{formatDateTime(s.startsAt, lang)} · {s.place}</p>
              <p className="m-muted">{t(`已报 ${s.signedUp} / ${s.needed} 人`, `${s.signedUp} of ${s.needed} places taken`)}</p>
              {mine.has(s.id)
                ? <Button block onClick={() => run(() => api.request(WITHDRAW, { s: s.id }, slug), t('已退出', 'Withdrawn'))}>{t('退出这个岗位', 'Withdraw')}</Button>
                : <Button block color="primary" disabled={s.signedUp >= s.needed}
                  onClick={() => run(() => api.request(SIGN_UP, { s: s.id }, slug), t('报名成功', 'Signed up'))}>
                  {s.signedUp >= s.needed ? t('已满', 'Full') : t('报名', 'Sign up')}</Button>}
            </div>
          ))}
        </section>
      )}
      {active && (
        <section className="m-card" aria-labelledby="record-hours">
          <h2 id="record-hours">{t('记录服务时长', 'Record hours')}</h2>
          <Choices id="hours-post" label={t('岗位', 'Post')} value={post} onChange={setPost}
            options={(data?.volunteerPosts ?? []).map((p) => ({ value: p.id as string | null, label: p.title }))} />
          <label className="m-field"><span>{t('服务日期', 'Day served')}</span>
            <input id="served-on" type="date" value={day} max={chinaToday()} onChange={(e) => setDay(e.target.value)} /></label>
          <NumberStep id="hours-minutes" label={t('时长', 'Length')} unit={t(' 分钟', ' min')} value={minutes} min={15} max={720} step={15} onChange={setMinutes} />
          <Button block color="primary" disabled={!post} onClick={() => run(() => api.request(RECORD, { i: { postId: post, servedOn: day, minutes } }, slug),
            t('已记录，等待社区认证', 'Recorded: the community will verify it'))}>{t('提交', 'Send')}</Button>
        </section>
      )}
      {hours && hours.volunteerStatement.hours.length > 0 && (
        <section aria-labelledby="my-hours">
          <h2 id="my-hours">{t('我的服务记录', 'My hours')}</h2>
          <ul className="m-slots m-card">
            {hours.volunteerStatement.hours.map((h) => (
              <li key={h.id}>{h.servedOn} · {posts.get(h.postId)} · {t(`${h.minutes} 分钟`, `${h.minutes} min`)} <span className="m-tag">{label('HoursStatus', h.status)}</span>
                {h.declineReason && <><br /><span className="m-muted">{h.declineReason}</span></>}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
