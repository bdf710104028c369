import { Button, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { chinaDay } from './calendar';

const CODE = graphql(`query WalkInCodeCode($from: Date!, $o: String!) { events(from: $from, days: 1) { id walkInQrSvg(origin: $o) } }`);

/**
 * An event's walk-in QR code on the whole screen, for the door: a resident scans it with the
 * phone's camera, which opens the page where they count themselves in (人次). The code is the
 * event's for good; the API counts each person once and only around the event's time.
 */
export default function WalkInCode({ slug, event, onClose }: { slug: string; event: { id: string; title: string; startsAt: string }; onClose: () => void }) {
  const t = useT();
  const [data] = useGql(CODE, { from: chinaDay(event.startsAt), o: window.location.origin }, slug);
  const el = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const svg = data?.events.find((e) => e.id === event.id)?.walkInQrSvg;
  useEffect(() => {
    close.current?.focus();
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  return (
    <div className="qr-full" ref={el} role="dialog" aria-modal="true" aria-label={t('到场二维码', 'Walk-in QR code')}>
      <Typography.Title level={2}>{event.title} · {t('扫码登记到场', 'Scan to count yourself in')}</Typography.Title>
      {svg && <div className="qr-code" role="img" aria-label={t('到场二维码', 'Walk-in QR code')} dangerouslySetInnerHTML={{ __html: svg }} />}
      <Space className="no-print">
        <Button onClick={() => el.current?.requestFullscreen?.()}>{t('全屏', 'Full screen')}</Button>
        <Button onClick={() => window.print()}>{t('打印', 'Print')}</Button>
        <Button ref={close} type="primary" onClick={onClose}>{t('关闭', 'Close')}</Button>
      </Space>
    </div>
  );
}
