import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { graphql } from '../../gql';
import type { CheckInCodeCodeMutation } from '../../gql/graphql';

const CODE = graphql(`mutation CheckInCodeCode($s: ID!) { sessionCheckInCode(sessionId: $s) { token svg refreshAt } }`);

/**
 * The session's QR code on the whole screen, for the teacher's screen or a projector. Codes
 * rotate: the next is fetched at `refreshAt`.
 */
export default function CheckInCode({ slug, session, title, onClose }: { slug: string; session: { id: string; startsAt: string }; title?: string; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const [code, setCode] = useState<CheckInCodeCodeMutation['sessionCheckInCode'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const el = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const fetchCode = () => api.request(CODE, { s: session.id }, slug).then(({ sessionCheckInCode: c }) => {
      if (!live) return;
      setCode(c);
      timer = setTimeout(fetchCode, Math.max(5000, new Date(c.refreshAt).getTime() - Date.now()));
    }, (e) => live && setError(e.message));
    fetchCode();
    close.current?.focus();
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', esc);
    return () => { live = false; clearTimeout(timer); window.removeEventListener('keydown', esc); };
  }, [api, slug, session.id, onClose]);

  return (
    <div className="qr-full" ref={el} role="dialog" aria-modal="true" aria-label={t('签到二维码', 'Check-in QR code')}>
      <Typography.Title level={2}>{title} · {t('扫码签到', 'Scan to check in')}</Typography.Title>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      {code && <div className="qr-code" role="img" aria-label={t('签到二维码', 'Check-in QR code')} dangerouslySetInnerHTML={{ __html: code.svg }} />}
      <Space className="no-print">
        <Button onClick={() => el.current?.requestFullscreen?.()}>{t('全屏', 'Full screen')}</Button>
        <Button ref={close} type="primary" onClick={onClose}>{t('关闭', 'Close')}</Button>
      </Space>
    </div>
  );
}
