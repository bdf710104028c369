import { Card, Empty, List, Typography } from 'antd';
import { useEffect } from 'react';
import { useEnum, useT } from '../lib/i18n';
import { useGo } from '../lib/nav';
import { scopeLabel, type Scope } from '../lib/session';

/** Where to go: straight in when the account has one place, else a choice. */
export default function Home({ scopes }: { scopes: Scope[] }) {
  const t = useT();
  const label = useEnum();
  const go = useGo();
  useEffect(() => {
    if (scopes.length === 1) go(...scopes[0].key.split('/'));
  }, [scopes, go]);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('选择要进入的地方', 'Where to work')}</Typography.Title>
      {scopes.length === 0 ? (
        <Empty description={t('此账号还没有任何角色，请联系管理员', 'This account has no role yet; ask an administrator')} />
      ) : (
        <List
          dataSource={scopes}
          renderItem={(s) => (
            <List.Item>
              <a href={`#/${s.key}`}>{scopeLabel(s, t)}</a>
              <span>{s.roles.map((r) => label('Role', r)).join('、')}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
