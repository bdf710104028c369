import { App, Button, Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { RetentionKind, RetentionPeriodsQuery } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

type Period = RetentionPeriodsQuery['retentionPeriods'][number];

const PERIODS = graphql(`query RetentionPeriods { retentionPeriods { kind keepHours leastHours setAt } }`);
const SET = graphql(`mutation RetentionSet($k: RetentionKind!, $h: Int!) { setRetentionPeriod(kind: $k, keepHours: $h) { kind keepHours } }`);

/**
 * 保存期限 (platform administrators): how long each kind of record is kept before the worker
 * removes it — the audit log at least six months (网络安全法) — in hours, with days beside.
 */
export default function Retention() {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const { message } = App.useApp();
  const [data, load] = useGql(PERIODS, {});
  const [edits, setEdits] = useState<Record<string, number>>({});
  const days = (h: number) => (h < 24 ? t('不到 1 天', 'under a day') : t(`约 ${Math.round(h / 24)} 天`, `about ${Math.round(h / 24)} days`));
  const save = async (p: Period) => {
    const h = edits[p.kind] ?? p.keepHours;
    try {
      await api.request(SET, { k: p.kind as RetentionKind, h });
      message.success(t(`已保存：${label('RetentionKind', p.kind)}保存 ${h} 小时`, `Saved: ${label('RetentionKind', p.kind)} kept ${h} hours`));
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card size="small" title={t('保存期限（到期后由系统自动删除）', 'Retention (removed automatically once past)')}>
      <Table<Period> size="small" rowKey="kind" pagination={false} dataSource={data?.retentionPeriods ?? []}
        columns={[
          { title: t('记录', 'Records'), render: (_, p) => label('RetentionKind', p.kind) },
          {
            title: t('保存小时数', 'Hours kept'),
            render: (_, p) => (
              <Space>
                <InputNumber min={p.leastHours} max={87600} value={edits[p.kind] ?? p.keepHours}
                  aria-label={t(`${label('RetentionKind', p.kind)}保存小时数`, `Hours ${label('RetentionKind', p.kind)} are kept`)}
                  onChange={(v) => v != null && setEdits({ ...edits, [p.kind]: v })} />
                <span>{days(edits[p.kind] ?? p.keepHours)}</span>
              </Space>
            ),
          },
          { title: t('最短', 'Least'), render: (_, p) => t(`${p.leastHours} 小时`, `${p.leastHours} hours`) },
          { title: '', render: (_, p) => <Button onClick={() => save(p)}>{t('保存', 'Save')}</Button> },
        ]} />
    </Card>
  );
}
