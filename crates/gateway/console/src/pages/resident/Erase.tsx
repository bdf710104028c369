import { Button, Dialog, Form, Input } from 'antd-mobile';
import { graphql } from '../../gql';
import { usePhone } from '../../frames/Phone';
import { useApi } from '../../lib/api';
import { showApiError } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';

const BLOCKERS = graphql(`query ResidentErasureBlockers { myErasureBlockers { community kind count advice adviceEn } }`);
const ERASE = graphql(`mutation ResidentEraseMyAccount($p: String!) { eraseMyAccount(password: $p) { communities rows objects } }`);
const CHILDREN = graphql(`query ResidentChildrenToErase { myLearners { id name isChild } }`);
const ERASE_CHILD = graphql(`mutation ResidentEraseChildRecord($l: ID!) { eraseChildRecord(learnerId: $l) { rows } }`);

/**
 * 注销账号 (PIPL art. 47): what the erasure waits for, what it removes and what it keeps, then
 * the password again and one confirmation. Afterwards the phone is signed out for good.
 */
export default function Erase({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const { signOut } = usePhone();
  const [form] = Form.useForm();
  const [data, reload] = useGql(BLOCKERS, {});
  const waits = data?.myErasureBlockers ?? [];
  const [family, reloadFamily] = useGql(CHILDREN, {}, slug);
  const children = (family?.myLearners ?? []).filter((l) => l.isChild);
  const eraseChild = async (id: string, name: string) => {
    const sure = await Dialog.confirm({
      title: t(`注销${name}的档案？`, `Erase ${name}'s record?`),
      content: t('孩子的姓名、出生日期、作品照片等会被删除，不能恢复；上过的课只留下无名的人数。',
        "The child's name, birth date, photos of works and the like are deleted for good; courses taken stay only as nameless counts."),
      confirmText: t('确定注销', 'Erase it'),
      cancelText: t('再想想', 'Not now'),
    });
    if (!sure) return;
    try {
      await api.request(ERASE_CHILD, { l: id }, slug);
      notify.success(t('孩子的档案已注销', "The child's record is erased"));
      reloadFamily();
      reload();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const erase = async (v: { password: string }) => {
    const sure = await Dialog.confirm({
      title: t('确定注销账号？', 'Erase your account?'),
      content: t('注销后不能恢复，也不能再用这个账号登录。', 'This cannot be undone, and the account cannot sign in again.'),
      confirmText: t('确定注销', 'Erase it'),
      cancelText: t('再想想', 'Not now'),
    });
    if (!sure) return;
    try {
      await api.request(ERASE, { p: v.password });
      await Dialog.alert({
        content: t('您的账号已注销，个人信息已删除。谢谢您参与社区生活。', 'Your account is erased and your personal data deleted. Thank you for taking part.'),
        confirmText: t('知道了', 'OK'),
      });
      signOut?.();
    } catch (e) {
      const other = showApiError(form, e, { UNAUTHENTICATED: 'password' });
      if (other) notify.error(other.message);
      reload();
    }
  };
  return (
    <section className="m-card" aria-labelledby="erase">
      <h2 id="erase">{t('注销账号', 'Erase my account')}</h2>
      <p>{t('注销后，邻里会删除您的姓名、登录名、手机号、出生日期、您写下的文字和作品照片；各社区里您的记录只留下无名的数字（比如课程人数、积分账目），不再能认出是您。',
        'Erasing deletes your name, login, phone number, birth date, what you wrote and photos of your works; in each community your records stay only as nameless numbers (course counts, the points ledger) that no longer tell it was you.')}</p>
      <p>{t('剩余积分不能再使用。想留一份自己的资料，请先在“我的数据”下载。', 'Points left cannot be used any more. To keep a copy of your data, download it first in “My data”.')}</p>
      {waits.length > 0 && (
        <div role="status">
          <h3>{t('注销前请先办完这些事', 'Settle these first')}</h3>
          <ul>
            {waits.map((w) => (
              <li key={`${w.community}-${w.kind}`}>{w.community}：{t(w.advice, w.adviceEn)}</li>
            ))}
          </ul>
        </div>
      )}
      {children.length > 0 && (
        <div>
          <h3>{t('我照护的孩子', 'Children in my care')}</h3>
          {children.map((c) => (
            <Button key={c.id} block color="danger" fill="outline" onClick={() => eraseChild(c.id, c.name)}>
              {t(`注销${c.name}的档案`, `Erase ${c.name}'s record`)}
            </Button>
          ))}
        </div>
      )}
      {waits.length === 0 && (
        <Form form={form} layout="vertical" onFinish={erase} requiredMarkStyle="none"
          footer={<Button block type="submit" color="danger" size="large">{t('注销我的账号', 'Erase my account')}</Button>}>
          <Form.Item name="password" label={t('请输入密码确认', 'Enter your password to confirm')}
            rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input type="password" autoComplete="current-password" />
          </Form.Item>
        </Form>
      )}
    </section>
  );
}
