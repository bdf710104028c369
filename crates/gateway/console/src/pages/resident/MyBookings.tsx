import { App, Button, Empty, List, Tag } from 'antd';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const BOOKINGS = graphql(`query MyBookingsBookings { myBookings { id spaceId startsAt endsAt purpose status } spaces { id name } }`);
const CANCEL = graphql(`mutation MyBookingsCancel($b: ID!) { cancelBooking(bookingId: $b) { id status } }`);

export default function MyBookings({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const [data, load] = useGql(BOOKINGS, {}, slug);
  const space = new Map((data?.spaces ?? []).map((s) => [s.id, s.name]));
  if (data?.myBookings.length === 0) return <Empty description={t('没有预约', 'No bookings')} />;
  return (
    <List dataSource={data?.myBookings} loading={!data} renderItem={(b) => (
      <List.Item actions={['REQUESTED', 'APPROVED'].includes(b.status) && new Date(b.startsAt) > new Date()
        ? [<Button key="c" onClick={() => api.request(CANCEL, { b: b.id }, slug).then(load, (e) => message.error(e.message))}>{t('取消预约', 'Cancel')}</Button>] : []}>
        <div>
          <div><strong>{space.get(b.spaceId)}</strong> · {b.purpose}</div>
          <div>{formatDateTime(b.startsAt, lang)}</div>
        </div>
        <Tag>{label('BookingStatus', b.status)}</Tag>
      </List.Item>
    )} />
  );
}
