import { Button } from 'antd';
import QrScreen from '../../components/QrScreen';
import { graphql } from '../../gql';
import { chinaDay } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const CODE = graphql(`query WalkInCodeCode($from: Date!, $o: String!) { events(from: $from, days: 1) { id walkInQrSvg(origin: $o) } }`);

/**
 * An event's walk-in QR code on the whole screen, for the door: a resident scans it with the
 * phone's camera, which opens the page where they count themselves in (人次). The code is the
 * event's for good; the API counts each person once and only around the event's time.
 */
export default function WalkInCode({ slug, event, onClose }: { slug: string; event: { id: string; title: string; startsAt: string }; onClose: () => void }) {
  const t = useT();
  const [data] = useGql(CODE, { from: chinaDay(event.startsAt), o: window.location.origin }, slug);
  return <QrScreen label={t('到场二维码', 'Walk-in QR code')} heading={<>{event.title} · {t('扫码登记到场', 'Scan to count yourself in')}</>}
    svg={data?.events.find((e) => e.id === event.id)?.walkInQrSvg} onClose={onClose}
    extra={<Button onClick={() => window.print()}>{t('打印', 'Print')}</Button>} />;
}
