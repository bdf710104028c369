import { Button, Dialog } from 'antd-mobile';
import { useState } from 'react';
import CodeCard from '../../mobile/CodeCard';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const BOOKINGS = graphql(`query MyBookingsBookings { myBookings { id spaceId startsAt endsAt purpose status pointsPrice checkedInAt } spaces { id name } }`);
const CANCEL = graphql(`mutation MyBookingsCancel($b: ID!) { cancelBooking(bookingId: $b) { id status } }`);
const FEED = graphql(`query MyBookingsFeed { myCalendarFeed }`);
const ENTRY = graphql(`mutation MyBookingsEntry($b: ID!) { bookingEntryCode(bookingId: $b) { token svg notBefore notAfter } }`);

/** 我的预约: my bookings, the entry code to show at the door (入场码), cancelling one to come. */
export default function MyBookings({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const [data, load] = useGql(BOOKINGS, {}, slug);
  const [code, setCode] = useState<{ svg: string; token: string; title: string } | null>(null);
  const [feedShown, showFeed] = useState(false);
  const [feed] = useGql(FEED, {}, slug, { enabled: feedShown });
  const space = new Map((data?.spaces ?? []).map((s) => [s.id, s.name]));
  const showCode = async (id: string, title: string) => {
    try {
      const { bookingEntryCode: c } = await api.request(ENTRY, { b: id }, slug);
      setCode({ svg: c.svg, token: c.token, title });
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const cancel = (id: string, title: string) => notify.confirm({
    title: t(`取消预约“${title}”？`, `Cancel the booking of “${title}”?`),
    okText: t('取消预约', 'Cancel it'),
    cancelText: t('不取消', 'Keep it'),
    onOk: () => api.request(CANCEL, { b: id }, slug).then(() => { notify.success(t('已取消预约', 'Booking cancelled')); load(); }, (e) => notify.error(e.message)),
  });
  return (
    <section aria-labelledby="my-bookings">
      <h2 id="my-bookings">{t('我的预约', 'My bookings')}</h2>
      {data?.myBookings.length === 0 && <p className="m-muted">{t('没有预约', 'No bookings')}</p>}
      {data?.myBookings.map((b) => {
        const title = space.get(b.spaceId) ?? '';
        const ahead = new Date(b.endsAt) > new Date();
        return (
          <div key={b.id} className="m-card">
            <h3>{title}</h3>
            <p>{formatDateTime(b.startsAt, lang)} · {b.purpose}</p>
            <p><span className="m-tag">{label('BookingStatus', b.status)}</span>
              {b.pointsPrice > 0 && <> · {t(`${b.pointsPrice} 积分`, `${b.pointsPrice} points`)}</>}
              {b.checkedInAt && <> · {t('已入场', 'Checked in')}</>}</p>
            {b.status === 'APPROVED' && ahead && !b.checkedInAt && (
              <Button block color="primary" onClick={() => showCode(b.id, title)}>{t('出示入场码', 'Show the entry code')}</Button>
            )}
            {['REQUESTED', 'APPROVED'].includes(b.status) && new Date(b.startsAt) > new Date() && (
              <Button block onClick={() => cancel(b.id, title)}>{t('取消预约', 'Cancel')}</Button>
            )}
          </div>
        );
      })}
      {/* The phone's calendar subscribes to my bookings (an iCalendar link). */}
      {!feedShown ? <Button block onClick={() => showFeed(true)}>{t('订阅到手机日历', 'Add to my phone’s calendar')}</Button> : feed && (
        <p className="m-card">{t('在手机日历中添加订阅，粘贴此链接：', 'Subscribe in your phone’s calendar with this link:')}<br />
          <a href={feed.myCalendarFeed} style={{ wordBreak: 'break-all' }}>{feed.myCalendarFeed}</a></p>
      )}
      <Dialog visible={!!code} title={code?.title} onClose={() => setCode(null)} closeOnMaskClick
        content={code && <CodeCard svg={code.svg} token={code.token} caption={t('进门时请出示此码', 'Show this code at the door')} />}
        actions={[{ key: 'close', text: t('关闭', 'Close'), onClick: () => setCode(null) }]} />
    </section>
  );
}
