import { useT } from '../lib/i18n';

/**
 * A code to show at a door or a counter: its QR image (the API's SVG, shown as an image so it
 * can never run anything) and its characters in large type, for a scanner that fails.
 */
export default function CodeCard({ svg, token, caption }: { svg: string; token: string; caption: string }) {
  const t = useT();
  return (
    // Focusable: on a small screen the dialog holding it scrolls, and the keyboard reaches it.
    <div className="m-qr" role="group" aria-label={caption} tabIndex={0}>
      <p>{caption}</p>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t(`二维码：${token}`, `QR code: ${token}`)} />
      <p className="m-code" data-code={token}>{token}</p>
    </div>
  );
}
