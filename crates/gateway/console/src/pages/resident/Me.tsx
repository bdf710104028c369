import { Button, Switch } from 'antd-mobile';
import { usePhone } from '../../frames/Phone';
import { useT } from '../../lib/i18n';

/** 我的: everything else a resident does, one place each, and the phone's settings. */
export default function Me({ slug }: { slug: string }) {
  const t = useT();
  const { elder, setElder, lang, setLang, signOut, who } = usePhone();
  const to = (page: string) => `#/r/${encodeURIComponent(slug)}/${page}`;
  const places: [string, string, string][] = [
    ['family', '家人代办', 'Family help'],
    ['bookings', '我的预约', 'My bookings'],
    ['volunteer', '志愿服务', 'Volunteering'],
    ['farm', '共享菜园', 'Shared garden'],
    ['together', '共建共治', 'Working together'],
    ['record', '关联居民档案', 'Link my record'],
    ['demands', '反映问题', 'Report a problem'],
    ['surveys', '问卷调查', 'Surveys'],
    ['notifications', '消息', 'Messages'],
    ['profile', '我的资料', 'My details'],
    ['my-data', '我的数据', 'My data'],
    ['password', '修改密码', 'Change password'],
    ['erase', '注销账号', 'Erase my account'],
  ];
  return (
    <>
      <h2>{who}</h2>
      <nav className="m-menu" aria-label={t('我的', 'Me')}>
        {places.map(([key, zh, en]) => (
          <a key={key} href={to(key)}><span>{t(zh, en)}</span><span aria-hidden="true">›</span></a>
        ))}
      </nav>
      <section className="m-card" aria-labelledby="settings">
        <h2 id="settings">{t('设置', 'Settings')}</h2>
        <div className="m-row" style={{ justifyContent: 'space-between' }}>
          <span id="elder-label">{t('大字模式（长辈模式）', 'Large text (elder mode)')}</span>
          <Switch checked={elder} onChange={setElder} aria-labelledby="elder-label" />
        </div>
        <Button block onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>
          <span lang={lang === 'en' ? 'zh-CN' : 'en'}>{lang === 'en' ? '切换为中文' : 'Switch to English'}</span>
        </Button>
        <Button block color="danger" fill="outline" onClick={signOut}>{t('退出', 'Sign out')}</Button>
      </section>
    </>
  );
}
