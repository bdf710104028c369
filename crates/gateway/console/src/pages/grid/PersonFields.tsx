// The fields a resident is registered with at a door (门牌, 姓名, 出生日期, 手机号), as one visit
// and the residents page both take them, and the input the API takes from them.
import { Form, Input } from 'antd-mobile';
import { graphql } from '../../gql';
import { useT } from '../../lib/i18n';

export const REGISTER = graphql(`mutation GridRegister($i: RegisterResidentInput!) { registerResident(input: $i) { id name } }`);

export interface Person { household: string; name: string; birthDate?: string; phone?: string }

export default function PersonFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="household" label={t('门牌（几栋几单元几号）', 'Door (building, entrance, flat)')} rules={[{ required: true, message: t('请填写门牌', 'Give the door') }]}>
        <Input placeholder="3栋2单元501" />
      </Form.Item>
      <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请填写姓名', 'Give the name') }]}><Input /></Form.Item>
      <Form.Item name="birthDate" label={t('出生日期（可不填）', 'Born (optional)')}><Input type="date" /></Form.Item>
      <Form.Item name="phone" label={t('手机号（可不填）', 'Mobile (optional)')}><Input type="tel" inputMode="numeric" /></Form.Item>
    </>
  );
}

/** `registerResident`'s input from the fields, into the worker's grid. */
export function residentInput(v: Person, courtyardId: string | undefined) {
  return { name: v.name.trim(), household: v.household.trim(), courtyardId: courtyardId ?? null, birthDate: v.birthDate || null, phone: v.phone?.trim() || null };
}
