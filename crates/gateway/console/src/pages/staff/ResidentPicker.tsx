import { Select } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';

const FIND = graphql(`query ResidentPickerFind($n: String!) { residents(name: $n, first: 20) { edges { node { id name age accountId } } } }`);

/**
 * A resident chosen from the registry by typing a name (a form control: `value` is the
 * learner's id). Ages tell apart two residents of one name. `byAccount` offers only residents
 * who have linked an account and gives that account's id (the time bank knows people by it).
 */
export default function ResidentPicker({ slug, value, onChange, id, label, onPick, allowClear, byAccount }: {
  slug: string; value?: string; onChange?: (id: string) => void; id?: string; label?: string; allowClear?: boolean; byAccount?: boolean;
  /** Told the resident chosen, name and all. */
  onPick?: (r: { id: string; name: string }) => void;
}) {
  const api = useApi();
  const t = useT();
  const [found, setFound] = useState<{ id: string; name: string; age?: number | null }[]>([]);
  const find = (n: string) => {
    // A label read back ("王秀英（82）") searches by its name.
    const name = n.replace(/（.*$/, '').trim();
    if (name) {
      api.request(FIND, { n: name }, slug).then((d) => setFound(d.residents.edges.map((e) => e.node)
        .flatMap((r) => (!byAccount ? [r] : r.accountId ? [{ ...r, id: r.accountId }] : []))), () => {});
    }
  };
  return (
    <Select id={id} aria-label={label} style={{ minWidth: 160 }} value={value} allowClear={allowClear}
      onChange={(v: string) => { onChange?.(v); const r = found.find((x) => x.id === v); if (r) onPick?.(r); }} showSearch filterOption={false} onSearch={find}
      notFoundContent={byAccount ? t('输入姓名查找（仅已注册的居民）', 'Type a name (residents who signed up)') : t('输入姓名查找', 'Type a name')}
      options={found.map((r) => ({ value: r.id, label: r.age != null ? `${r.name}（${r.age}）` : r.name }))} />
  );
}
