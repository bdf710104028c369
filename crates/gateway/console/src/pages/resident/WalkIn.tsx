import { Button, Result } from 'antd-mobile';
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
  if (data && !event) return <p className="m-card">{t('这个活动不在这几天，或已取消', 'This event is not on these days, or was cancelled')}</p>;
  if (!event) return null;
  if (counted != null) {
    return <Result status="success" title={t('已登记到场', 'You are counted in')} description={t(`${event.title}：现在共 ${counted} 人次`, `${event.title}: ${counted} so far`)} />;
  }
  const walkIn = async () => {
    try {
      setCounted((await api.request(WALK_IN, { e: event.id, l: actingFor }, slug)).walkIn);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="m-card">
      <h2>{event.title}</h2>
      <p>{formatDateTime(event.startsAt, lang)} · {event.place}</p>
      {error && <div className="m-alert error" role="alert">{error}</div>}
      <Button block color="primary" size="large" onClick={walkIn}>{t('我到场了', "I'm here")}</Button>
    </section>
  );
}
