import { Button, Card, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { SignUpsRequestsQuery } from '../../gql/graphql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import ResidentPicker from './ResidentPicker';

const REQUESTS = graphql(`query SignUpsRequests($origin: String!) {
  invitation { code confirmByStaff rotatedAt path qrSvg(origin: $origin) }
  signUpRequests { accountId displayName phoneMasked createdAt }
  recordLinkRequests { id accountName claimedName phoneMasked residentId requestedAt } }`);
const ROTATE = graphql(`mutation SignUpsRotate { rotateInvitation { code } }`);
const CONFIRMATION = graphql(`mutation SignUpsConfirmation($c: Boolean!) { setSignUpConfirmation(confirmByStaff: $c) { confirmByStaff } }`);
const DECIDE = graphql(`mutation SignUpsDecide($a: ID!, $ok: Boolean!) { decideSignUp(accountId: $a, accept: $ok) { request { status } } }`);
const LINK = graphql(`mutation SignUpsLink($r: ID!, $ok: Boolean!, $resident: ID) { decideRecordLink(requestId: $r, approve: $ok, residentId: $resident) { status } }`);

type Link = SignUpsRequestsQuery['recordLinkRequests'][number];

/**
 * How residents join: the community's invitation (link and QR code for the notice board, a new
 * code when the old one leaked), whether newcomers wait for staff (待审核), the sign-ups waiting,
 * and requests to link an account to the resident's record in the registry.
 */
export default function SignUps({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const origin = window.location.origin;
  const [data] = useGql(REQUESTS, { origin }, slug);
  const [linkTo, setLinkTo] = useState<Record<string, string>>({}); // request → the record chosen for it
  const inv = data?.invitation;

  const run = useRun();

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('居民注册邀请', 'Invitation to sign up')}>
        {inv ? (
          <Space wrap align="start" size="large">
            <div className="qr-code qr-small" role="img" aria-label={t('注册二维码', 'Sign-up QR code')} dangerouslySetInnerHTML={{ __html: inv.qrSvg }} />
            <Space direction="vertical">
              <Typography.Text copyable>{`${origin}${inv.path}`}</Typography.Text>
              <span className="muted">{t(`邀请码更新于 ${formatDateTime(inv.rotatedAt, lang)}`, `Code made ${formatDateTime(inv.rotatedAt, lang)}`)}</span>
              <label><Switch checked={inv.confirmByStaff} onChange={(c) => run(() => api.request(CONFIRMATION, { c }, slug), c ? t('新注册需社区审核', 'Newcomers wait for staff') : t('新注册直接成为居民', 'Newcomers join at once'))} />
                {' '}{t('新注册的居民需社区审核', 'Newcomers wait for staff to confirm')}</label>
              <Popconfirm title={t('换新邀请码后，旧的二维码和链接都失效。确定吗？', 'The old QR code and link stop working. Go on?')} okText={t('换新', 'New code')} cancelText={t('取消', 'Cancel')}
                onConfirm={() => run(() => api.request(ROTATE, {}, slug), t('已换新邀请码', 'New code made'))}>
                <Button>{t('换新邀请码', 'Make a new code')}</Button>
              </Popconfirm>
            </Space>
          </Space>
        ) : (
          <Button type="primary" onClick={() => run(() => api.request(ROTATE, {}, slug), t('邀请已生成', 'Invitation made'))}>{t('生成注册邀请', 'Make an invitation')}</Button>
        )}
      </Card>
      <Card size="small" title={t('待审核的注册', 'Sign-ups waiting')}>
        <Table size="small" rowKey="accountId" pagination={false} loading={!data} dataSource={data?.signUpRequests} locale={{ emptyText: t('没有待审核的注册', 'None waiting') }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'displayName' },
            { title: t('手机', 'Phone'), render: (_, r) => r.phoneMasked ?? '—' },
            { title: t('注册时间', 'Signed up'), render: (_, r) => formatDateTime(r.createdAt, lang) },
            {
              title: t('操作', 'Actions'),
              render: (_, r) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => run(() => api.request(DECIDE, { a: r.accountId, ok: true }, slug), t(`已通过：${r.displayName}`, `Accepted: ${r.displayName}`))}>{t('通过', 'Accept')}</Button>
                  <Button size="small" onClick={() => run(() => api.request(DECIDE, { a: r.accountId, ok: false }, slug), t('已拒绝', 'Declined'))}>{t('拒绝', 'Decline')}</Button>
                </Space>
              ),
            },
          ]} />
      </Card>
      <Card size="small" title={t('认领居民档案的申请', 'Requests to link a record')}>
        <Table<Link> size="small" rowKey="id" pagination={false} loading={!data} dataSource={data?.recordLinkRequests} locale={{ emptyText: t('没有待确认的申请', 'None waiting') }}
          columns={[
            { title: t('账号', 'Account'), dataIndex: 'accountName' },
            { title: t('自称', 'Says they are'), render: (_, r) => `${r.claimedName}${r.phoneMasked ? ` · ${r.phoneMasked}` : ''}` },
            { title: t('申请时间', 'Asked'), render: (_, r) => formatDateTime(r.requestedAt, lang) },
            {
              title: t('对应档案', 'Record'),
              render: (_, r) => (r.residentId ? t('已找到对应档案', 'Record found')
                : <ResidentPicker slug={slug} label={t(`${r.claimedName}的档案（输入姓名查找）`, `${r.claimedName}'s record (type a name)`)} value={linkTo[r.id]} onChange={(id) => setLinkTo((m) => ({ ...m, [r.id]: id }))} />),
            },
            {
              title: t('操作', 'Actions'),
              render: (_, r) => (
                <Space>
                  <Button size="small" type="primary" disabled={!r.residentId && !linkTo[r.id]}
                    onClick={() => run(() => api.request(LINK, { r: r.id, ok: true, resident: r.residentId ? null : linkTo[r.id] }, slug), t('已关联', 'Linked'))}>{t('核实后关联', 'Link')}</Button>
                  <Button size="small" onClick={() => run(() => api.request(LINK, { r: r.id, ok: false, resident: null }, slug), t('已拒绝', 'Declined'))}>{t('拒绝', 'Decline')}</Button>
                </Space>
              ),
            },
          ]} />
      </Card>
    </Space>
  );
}
