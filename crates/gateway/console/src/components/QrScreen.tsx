import { Button, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../lib/i18n';

/**
 * A QR code on the whole screen, for a projector or the door: its heading, the code (an SVG
 * from the API) or what went wrong, full screen and close (Escape too; focus starts on close).
 */
export default function QrScreen({ label, heading, svg, error, extra, onClose }: {
  label: string; heading: ReactNode; svg?: string | null; error?: string | null; extra?: ReactNode; onClose: () => void;
}) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  return (
    <div className="qr-full" ref={el} role="dialog" aria-modal="true" aria-label={label}>
      <Typography.Title level={2}>{heading}</Typography.Title>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      {svg && <div className="qr-code" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />}
      <Space className="no-print">
        <Button onClick={() => el.current?.requestFullscreen?.()}>{t('全屏', 'Full screen')}</Button>
        {extra}
        <Button ref={close} type="primary" onClick={onClose}>{t('关闭', 'Close')}</Button>
      </Space>
    </div>
  );
}
