import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../lib/i18n';

/**
 * Scan a QR code with the device's camera (扫码): a button opening the camera's picture, read
 * a few times a second until a code is found, which is handed to `onCode` and the camera
 * stopped. The decoder (jsQR) is loaded only when a camera opens. A typed code stays the other
 * way in (a hand scanner types too), so a desk without a camera loses nothing.
 */
export default function CodeScanner({ label, onCode }: { label: string; onCode: (code: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  // The latest handler, so a page's re-render does not restart the camera.
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    (async () => {
      try {
        const [{ default: jsQR }, media] = await Promise.all([
          import('jsqr'),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        const look = () => {
          const v = video.current;
          if (stopped || !v) return;
          if (v.videoWidth > 0) {
            canvas.width = v.videoWidth;
            canvas.height = v.videoHeight;
            const g = canvas.getContext('2d', { willReadFrequently: true })!;
            g.drawImage(v, 0, 0);
            const found = jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
            if (found?.data) {
              setOpen(false);
              handler.current(found.data);
              return;
            }
          }
          timer = window.setTimeout(look, 200);
        };
        look();
      } catch {
        setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [open]);

  return (
    <>
      <Button onClick={() => { setFailed(false); setOpen(true); }}>{label}</Button>
      <Modal open={open} title={label} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <p>{t('把码放在取景框中，对准后自动识别。', 'Hold the code in view; it is read by itself.')}</p>
        {failed && <Typography.Text type="danger" role="alert">{t('无法打开摄像头：请允许使用摄像头，或直接输入码。', 'The camera could not be opened: allow it, or type the code.')}</Typography.Text>}
        <video ref={video} muted playsInline aria-label={t('摄像头画面', "The camera's picture")} style={{ width: '100%', background: '#000' }} />
      </Modal>
    </>
  );
}
