import { useEffect, useState } from 'react';
import QrScreen from '../../components/QrScreen';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { graphql } from '../../gql';
import type { CheckInCodeCodeMutation } from '../../gql/graphql';

const CODE = graphql(`mutation CheckInCodeCode($s: ID!, $o: String!) { sessionCheckInCode(sessionId: $s, origin: $o) { token svg refreshAt } }`);

/**
 * The session's QR code on the whole screen, for the teacher's screen or a projector. Codes
 * rotate: the next is fetched at `refreshAt`.
 */
export default function CheckInCode({ slug, session, title, onClose }: { slug: string; session: { id: string; startsAt: string }; title?: string; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const [code, setCode] = useState<CheckInCodeCodeMutation['sessionCheckInCode'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    // The code links to the check-in page at this address, so a phone's camera opens it.
    const fetchCode = () => api.request(CODE, { s: session.id, o: window.location.origin }, slug).then(({ sessionCheckInCode: c }) => {
      if (!live) return;
      setCode(c);
      timer = setTimeout(fetchCode, Math.max(5000, new Date(c.refreshAt).getTime() - Date.now()));
    }, (e) => live && setError(e.message));
    fetchCode();
    return () => { live = false; clearTimeout(timer); };
  }, [api, slug, session.id]);

  return <QrScreen label={t('签到二维码', 'Check-in QR code')} heading={<>{title} · {t('扫码签到', 'Scan to check in')}</>}
    svg={code?.svg} error={error} onClose={onClose} />;
}
