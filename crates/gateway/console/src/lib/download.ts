// Files the API exports (台账, figures): it answers with a short-lived signed link, which the
// browser saves under the file's name.
import { App } from 'antd';
import { useCallback, useState } from 'react';

export interface ExportedFile {
  url: string;
  filename: string;
}

/** Save a file the API exported. */
export function saveFile(file: ExportedFile) {
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * `[busy, download]`: `download(work)` runs the export `work` asks for and saves its file;
 * `busy` while it runs; a refusal shows as a message.
 */
export function useDownload(): [boolean, (work: () => Promise<ExportedFile>) => Promise<void>] {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = useCallback(async (work: () => Promise<ExportedFile>) => {
    setBusy(true);
    try {
      saveFile(await work());
    } catch (e) {
      message.error(e.message);
    } finally {
      setBusy(false);
    }
  }, [message]);
  return [busy, download];
}
