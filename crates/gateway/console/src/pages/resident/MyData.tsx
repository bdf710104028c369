import { Button } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { saveFile } from '../../lib/download';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';

const EXPORT = graphql(`mutation ResidentExportMyData { exportMyData { filename url rows photos } }`);

/**
 * 我的数据: a copy of everything Linli holds about the resident and the children in their care
 * (PIPL art. 45), as one file they keep; the link works for 15 minutes.
 */
export default function MyData() {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ filename: string; url: string; rows: number; photos: number } | null>(null);
  const make = async () => {
    setBusy(true);
    try {
      const { exportMyData } = await api.request(EXPORT, {});
      setMade(exportMyData);
      saveFile(exportMyData);
    } catch (e) {
      notify.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="m-card" aria-labelledby="my-data">
      <h2 id="my-data">{t('我的数据', 'My data')}</h2>
      <p>{t('您可以下载邻里保存的关于您和您监护的孩子的全部信息：账号、居民档案、报名和出勤、问卷、预约、积分、志愿时长、反映的问题、作品照片和消息。',
        'Download everything Linli keeps about you and the children in your care: account, record, enrolments and attendance, surveys, bookings, points, volunteer hours, problems you reported, photos of works and messages.')}</p>
      <p>{t('文件是压缩包，里面的表格可以用电脑上的 Excel 或 WPS 打开。', 'The file is a zip; its tables open in Excel or WPS on a computer.')}</p>
      <Button block color="primary" size="large" loading={busy} onClick={make}>{t('下载我的数据', 'Download my data')}</Button>
      {made && (
        <p role="status">
          {t(`已生成：${made.rows} 条记录，${made.photos} 张照片。`, `Ready: ${made.rows} records, ${made.photos} photos.`)}{' '}
          <a href={made.url} download={made.filename}>{t('再次下载', 'Download again')}</a>
        </p>
      )}
    </section>
  );
}
