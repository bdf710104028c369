import { Button, Card, Empty, Result, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { chinaToday, formatDateTime, useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const EVENTS = graphql(`query WalkInEvents($from: Date!) { events(from: $from, days: 3) { id title startsAt place status } }`);
const WALK_IN = graphql(`mutation WalkInWalkIn($e: ID!, $l: ID) { walkIn(at: { eventId: $e }, learnerId: $l) }`);

/**
 * The page an event's QR code opens (scanned at the door): one large button counts the resident
 * — or the child they act for — in (人次).
 */
export default function WalkIn({ slug, eventId, actingFor }: { slug: string; eventId?: string; actingFor: string | null }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [data] = useGql(EVENTS, { from: chinaToday(-1) }, slug);
  const [counted, setCounted] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const event = data?.events.find((e) => e.id === eventId);
  if (data && !event) return <Empty description={t('这个活动不在这几天，或已取消', 'This event is not on these days, or was cancelled')} />;
  if (!event) return null;
  if (counted != null) {
    return <Result status="success" title={t('已登记到场', 'You are counted in')} subTitle={t(`${event.title}：现在共 ${counted} 人次`, `${event.title}: ${counted} so far`)} />;
  }
  const walkIn = async () => {
    try {
      setCounted((await api.request(WALK_IN, { e: event.id, l: actingFor }, slug)).walkIn);
    } catch (e) {
      setError(e.message);
    }
  };
  return (
    <Card className="big-card" title={<span style={{ fontSize: 22 }}>{event.title}</span>}>
      <Typography.Paragraph style={{ fontSize: 20 }}>{formatDateTime(event.startsAt, lang)} · {event.place}</Typography.Paragraph>
      {error && <Typography.Paragraph type="danger" role="alert" style={{ fontSize: 20 }}>{error}</Typography.Paragraph>}
      <Button type="primary" size="large" block style={{ minHeight: 60, fontSize: 22 }} onClick={walkIn}>{t('我到场了', "I'm here")}</Button>
    </Card>
  );
}
