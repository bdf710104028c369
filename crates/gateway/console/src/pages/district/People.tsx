import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { mustChoose, rules, showApiError } from '../../lib/forms';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import type { Scope } from '../../lib/session';

const PEOPLE = graphql(`query PeopleHolders($d: String, $c: String) {
  roleHolders(districtCode: $d, communitySlug: $c) { role account { id loginName displayName phoneMasked active } } }`);
const COMMUNITIES = graphql(`query PeopleCommunities($c: String!) { district(code: $c) { communities { slug name status } } }`);
const CREATE = graphql(`mutation PeopleCreate($i: CreateAccountInput!) { createAccount(input: $i) { id } }`);
const FIND = graphql(`query PeopleFind($l: String!) { findAccount(loginName: $l) { id displayName } }`);
const GRANT = graphql(`mutation PeopleGrant($i: RoleGrantInput!) { grantRole(input: $i) }`);
const REVOKE = graphql(`mutation PeopleRevoke($i: RoleGrantInput!) { revokeRole(input: $i) }`);
const ACTIVE = graphql(`mutation PeopleActive($a: ID!, $on: Boolean!) { setAccountActive(accountId: $a, active: $on) { id active } }`);

const DISTRICT_ROLES: Role[] = ['DISTRICT_ADMIN', 'DISTRICT_VIEWER'];
const COMMUNITY_ROLES: Role[] = ['COMMUNITY_ADMIN', 'STAFF', 'GRID_WORKER', 'GROUP_LEADER', 'TEACHER'];

/**
 * People and their roles: the district's own officers and viewers, or a community's admins,
 * staff, grid workers, group leaders and teachers — create an account (or find one by its
 * login name), grant and revoke roles, deactivate and reactivate.
 */
export default function People({ scope }: { scope: Scope }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const { message, modal } = App.useApp();
  const [mode, setMode] = useState<'district' | 'community'>('district');
  const [chosen, setCommunity] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [existing, setExisting] = useState(false);
  const [form] = Form.useForm();
  const [communities] = useGql(COMMUNITIES, { c: scope.code! });
  // The community whose people show (the first until one is chosen); null: the district's own.
  const community = mode === 'community' ? (chosen ?? communities?.district.communities[0]?.slug ?? null) : null;
  const where = community ? { d: null, c: community } : { d: scope.code!, c: null };
  const [data, load] = useGql(PEOPLE, where, undefined, { enabled: mode === 'district' || !!community });
  const roles = mode === 'community' ? COMMUNITY_ROLES : DISTRICT_ROLES;
  const grantOf = (accountId: string, role: Role) => ({
    accountId, role, districtCode: community ? null : scope.code, communitySlug: community,
  });

  const add = async (v: { loginName: string; displayName: string; password: string; phone?: string; role: Role }) => {
    try {
      let id: string;
      if (existing) {
        const { findAccount } = await api.request(FIND, { l: v.loginName });
        if (!findAccount) {
          form.setFields([{ name: 'loginName', errors: [t('没有这个账号', 'No account has this login name')] }]);
          return;
        }
        id = findAccount.id;
      } else {
        const { createAccount } = await api.request(CREATE, {
          i: { loginName: v.loginName.trim(), displayName: v.displayName.trim(), password: v.password, phone: v.phone || null },
        });
        id = createAccount.id;
      }
      await api.request(GRANT, { i: grantOf(id, v.role) });
      message.success(t('已授予角色', 'Role granted'));
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      const other = showApiError(form, e, { loginName: 'loginName', password: 'password', phone: 'phone', name: 'displayName' });
      if (other) message.error(other.message);
    }
  };

  const revoke = (accountId: string, name: string, role: Role) =>
    modal.confirm({
      title: t(`撤销 ${name} 的“${label('Role', role)}”角色？`, `Revoke ${name}'s role “${label('Role', role)}”?`),
      okText: t('撤销', 'Revoke'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { danger: true },
      onOk: () => api.request(REVOKE, { i: grantOf(accountId, role) }).then(() => load(), (e) => message.error(e.message)),
    });

  const setActive = (accountId: string, on: boolean) =>
    api.request(ACTIVE, { a: accountId, on }).then(() => load(), (e) => message.error(e.message));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Segmented
            aria-label={t('范围', 'Scope')}
            value={mode}
            onChange={(v) => setMode(v as 'district' | 'community')}
            options={[{ value: 'district', label: t('本区人员', 'District officers') }, { value: 'community', label: t('社区人员', 'Community staff') }]}
          />
          {mode === 'community' && (
            <Select id="people-community" aria-label={t('社区', 'Community')} style={{ minWidth: 220 }} value={community} onChange={setCommunity} showSearch optionFilterProp="label"
              options={(communities?.district.communities ?? []).map((c) => ({ value: c.slug, label: c.name }))} />
          )}
          <Button type="primary" onClick={() => setAdding(true)}>{t('添加人员', 'Add a person')}</Button>
        </Space>
      </Card>
      <Table rowKey={(r) => `${r.account.id}/${r.role}`} size="small" loading={!data} dataSource={data?.roleHolders} pagination={false}
        columns={[
          { title: t('姓名', 'Name'), render: (_, r) => r.account.displayName },
          { title: t('账号', 'Login'), render: (_, r) => r.account.loginName },
          { title: t('手机', 'Phone'), render: (_, r) => r.account.phoneMasked ?? '—' },
          { title: t('角色', 'Role'), render: (_, r) => <Tag>{label('Role', r.role)}</Tag> },
          { title: t('状态', 'Status'), render: (_, r) => (r.account.active ? t('正常', 'Active') : <Tag className="tag-warn">{t('已停用', 'Deactivated')}</Tag>) },
          {
            title: t('操作', 'Actions'),
            render: (_, r) => (
              <Space size="small" wrap>
                <Button size="small" danger onClick={() => revoke(r.account.id, r.account.displayName, r.role)}>{t('撤销角色', 'Revoke')}</Button>
                {r.account.active
                  ? <Button size="small" onClick={() => setActive(r.account.id, false)}>{t('停用账号', 'Deactivate')}</Button>
                  : <Button size="small" onClick={() => setActive(r.account.id, true)}>{t('恢复账号', 'Reactivate')}</Button>}
              </Space>
            ),
          },
        ]} />
      <Modal open={adding} title={t('添加人员', 'Add a person')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add} requiredMark={false}>
          <Form.Item>
            <Segmented value={existing ? 'existing' : 'new'} onChange={(v) => setExisting(v === 'existing')} aria-label={t('账号', 'Account')}
              options={[{ value: 'new', label: t('新建账号', 'New account') }, { value: 'existing', label: t('已有账号', 'Existing account') }]} />
          </Form.Item>
          <Form.Item name="loginName" label={t('账号（登录名）', 'Login name')}
            rules={[{ required: true }, { pattern: rules.loginName, message: t('3–64 个字母、数字或 _ . @ -', '3–64 letters, digits or _ . @ -') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          {!existing && (
            <>
              <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
              <Form.Item name="password" label={t('初始密码', 'First password')}
                rules={[{ required: true }, { min: rules.passwordMin, message: t('至少 8 位', 'At least 8 characters') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="phone" label={t('手机号（可选）', 'Phone (optional)')}
                rules={[{ pattern: rules.phone, message: t('11 位手机号', 'An 11-digit mobile number') }]}>
                <Input inputMode="tel" />
              </Form.Item>
            </>
          )}
          <Form.Item name="role" label={t('角色', 'Role')} rules={[mustChoose(t('请选择角色', 'Choose a role'))]}>
            <Select options={roles.map((r) => ({ value: r, label: label('Role', r) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
