import { Button, Result } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { formatDateTime, useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';

const CHECK_IN = graphql(`mutation CheckInCheckIn($t: String!, $l: ID) { checkIn(token: $t, learnerId: $l) { id startsAt place } }`);

/**
 * The page a session's QR code opens (scanned with the phone's camera in class): one large
 * button checks the resident — or the child they act for — in. The code in the link is short-
 * lived; a stale one is refused with the API's words, and scanning the code on the screen again
 * brings a fresh one.
 */
export default function CheckIn({ slug, token, actingFor }: { slug: string; token?: string; actingFor: string | null }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [done, setDone] = useState<{ startsAt: string; place: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (done) {
    return <Result status="success" title={t('签到成功', 'You are checked in')} description={`${formatDateTime(done.startsAt, lang)} · ${done.place}`} />;
  }
  const checkIn = async () => {
    try {
      setDone((await api.request(CHECK_IN, { t: token ?? '', l: actingFor }, slug)).checkIn);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="m-card">
      <h2>{t('课堂签到', 'Check in to class')}</h2>
      {error && <div className="m-alert error" role="alert">{error}</div>}
      <Button block color="primary" size="large" onClick={checkIn}>{t('签到', 'Check in')}</Button>
    </section>
  );
}
