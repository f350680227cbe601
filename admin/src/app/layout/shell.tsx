/** The signed-in shell: navigation for the user's roles, the language switch, offline state, sign-out. */
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  HistoryOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  UploadOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import type { Capability } from '@jiandu/shared/access';
import { ROLE_LABELS } from '@jiandu/shared/labels';
import { Alert, Button, Drawer, Grid, Layout, Tag } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentScheme } from '../../api/scheme.js';
import { useUnits } from '../../api/units.js';
import { Loading } from '../../components/ui/states.js';
import { signOut } from '../../features/auth/api/sign-out.js';
import { InboxBell } from '../../features/inbox/components/inbox-bell.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { outbox } from '../../lib/outbox-idb.js';
import { useCan } from '../../lib/use-can.js';
import { useUser } from '../../lib/use-session.js';
import './shell.css';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown to users who hold it, or any of them (none: everyone who works on the programme's records). */
  capability?: Capability | readonly Capability[];
}

export const NAV: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, capability: 'self.inbox' },
  { path: '/findings', label: 'nav.findings', icon: <FileSearchOutlined />, capability: 'finding.read' },
  {
    path: '/rectifications',
    label: 'nav.rectifications',
    icon: <ToolOutlined />,
    capability: 'rectification.read',
  },
  {
    path: '/rectifications/extensions',
    label: 'nav.extensions',
    icon: <FieldTimeOutlined />,
    capability: 'rectification.decideExtension',
  },
  { path: '/petitions', label: 'nav.petitions', icon: <SolutionOutlined />, capability: 'petition.read' },
  { path: '/opinion', label: 'nav.opinion', icon: <MessageOutlined />, capability: 'signal.read' },
  { path: '/rankings', label: 'nav.rankings', icon: <BarChartOutlined />, capability: 'ranking.read' },
  {
    path: '/objections',
    label: 'nav.objections',
    icon: <AuditOutlined />,
    capability: 'ranking.decideObjection',
  },
  { path: '/indicators', label: 'nav.indicators', icon: <FundOutlined />, capability: 'indicator.read' },
  { path: '/cases', label: 'nav.cases', icon: <AuditOutlined />, capability: 'case.read' },
  { path: '/alerts', label: 'nav.alerts', icon: <AlertOutlined />, capability: 'alert.read' },
  { path: '/reminders', label: 'nav.reminders', icon: <NotificationOutlined />, capability: 'reminder.read' },
  { path: '/bulletins', label: 'nav.bulletins', icon: <FileTextOutlined />, capability: 'bulletin.read' },
  { path: '/funds', label: 'nav.funds', icon: <AccountBookOutlined />, capability: 'fund.read' },
  { path: '/inbox', label: 'nav.inbox', icon: <BellOutlined />, capability: 'self.inbox' },
  // The ledger import (inspectors, supervisors), the ledger update (unit officers: the round trip) and
  // the organisation import (the system administrator).
  {
    path: '/imports',
    label: 'nav.imports',
    icon: <UploadOutlined />,
    capability: ['ledger.import', 'rectification.work', 'org.import'],
  },
  {
    path: '/migrations',
    label: 'nav.migrations',
    icon: <HistoryOutlined />,
    capability: 'migration.read',
  },
  {
    path: '/operation-log',
    label: 'nav.operationLog',
    icon: <ProfileOutlined />,
    capability: 'oplog.read',
  },
  { path: '/jobs', label: 'nav.jobs', icon: <ScheduleOutlined />, capability: 'jobs.read' },
  { path: '/admin/units', label: 'nav.admin', icon: <SettingOutlined />, capability: 'unit.manage' },
  // The security administrator's accounts (roles, states, locks, resets) — the admin's users tab.
  { path: '/admin/users', label: 'nav.accounts', icon: <TeamOutlined />, capability: 'user.state' },
  {
    path: '/account/password',
    label: 'nav.changePassword',
    icon: <KeyOutlined />,
    capability: 'self.account',
  },
];

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function usePendingCount(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const load = () => void outbox.list().then((l) => setN(l.length));
    load();
    return outbox.subscribe(load);
  }, []);
  return n;
}

/**
 * Where the screen sits (面包屑): 首页 › the menu entry it belongs to › 详情/新增 for a record or a form
 * below it. The entry is the menu item the sider highlights (`selected`); the home page has none.
 */
/** Screens below a menu entry that are lists of their own, not one record: their crumb is their name. */
const SUB_SCREENS: Record<string, MessageKey> = { '/rankings/cards': 'cards.title' };

function Crumbs({ path, selected }: { path: string; selected: string }) {
  const { t } = useI18n();
  if (path === '/') return null;
  const entry = NAV.find((n) => n.path === selected);
  const below = entry !== undefined && path.startsWith(`${entry.path}/`);
  const items = [
    { key: 'home', title: <Link to="/">{t('nav.home')}</Link> },
    ...(entry
      ? [
          {
            key: 'entry',
            title: below ? <Link to={entry.path}>{t(entry.label)}</Link> : t(entry.label),
          },
        ]
      : []),
    ...(below
      ? [{ key: 'leaf', title: t(SUB_SCREENS[path] ?? (path.endsWith('/new') ? 'nav.new' : 'nav.detail')) }]
      : []),
  ];
  // A list in a labelled nav (WAI-ARIA's breadcrumb pattern), the last item the current page; the
  // separators are CSS. Not antd's Breadcrumb: it brings its Dropdown (for crumbs with menus, unused
  // here) into the first screen's code.
  return (
    <nav className="crumbs" aria-label={t('nav.breadcrumbs')} data-testid="breadcrumbs">
      <ol>
        {items.map((it, i) => (
          <li key={it.key} aria-current={i > 0 && i === items.length - 1 ? 'page' : undefined}>
            {it.title}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function Shell() {
  const { t, lang, setLang, label } = useI18n();
  const user = useUser();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const loc = useLocation();
  const navigate = useNavigate();
  const online = useOnline();
  const pending = usePendingCount();
  const units = useUnits();
  useCurrentScheme();
  const can = useCan();
  const entries = NAV.filter((n) => !n.capability || [n.capability].flat().some(can));
  // On a phone the switch shows the other language's short name (its accessible name starts with it).
  const langShort = lang === 'en' ? '中' : 'EN';
  const top = `/${loc.pathname.split('/')[1] ?? ''}`;
  // A screen with its own menu entry below another's (延期审批 under 整改) selects its own.
  const selected = NAV.some((n) => n.path === loc.pathname)
    ? loc.pathname
    : top === '/admin'
      ? can('unit.manage')
        ? '/admin/units'
        : '/admin/users'
      : top === '/account'
        ? '/account/password'
        : top;
  // Following a link closes the phone menu.
  const path = loc.pathname;
  useEffect(() => {
    if (path) setDrawer(false);
  }, [path]);
  // The menu is a list of links in a labelled nav, the current entry marked (aria-current): what a
  // screen reader and the keyboard expect of site navigation. Not antd's Menu: its roving focus, popups
  // and tooltips are for menus of commands, and were a tenth of the first screen's code.
  const menu = (
    <nav aria-label={t('app.menu')} className="side-nav">
      <ul>
        {entries.map((n) => (
          <li key={n.path}>
            <Link
              to={n.path}
              data-testid={`nav-${n.path.slice(1).replaceAll('/', '-') || 'home'}`}
              aria-current={n.path === selected ? 'page' : undefined}
            >
              <span className="side-nav-icon" aria-hidden="true">
                {n.icon}
              </span>
              {t(n.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="shell-header">
        {narrow ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('app.menu')}
            onClick={() => setDrawer(true)}
            data-testid="menu-button"
            className="header-btn"
          />
        ) : null}
        <Link to="/" className="brand">
          {narrow ? t('app.name') : t('app.fullName')}
        </Link>
        <span className="spacer" />
        {!online ? (
          <Tag color="orange" icon={<WifiOutlined />} data-testid="offline-tag">
            {lang === 'en' ? 'Offline' : '离线'}
          </Tag>
        ) : null}
        <InboxBell />
        <span className="who" data-testid="current-user">
          {user.name}
          {narrow ? null : (
            <span className="muted">
              {' '}
              · {user.roles.map((r) => label(ROLE_LABELS, r)).join('、')} · {units.name(user.unitId)}
            </span>
          )}
        </span>
        <Button
          type="text"
          className="header-btn"
          onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          aria-label={`${narrow ? `${langShort} · ` : ''}${t('app.language')} · ${t('app.languageLabel')}`}
          data-testid="lang-switch"
          lang={lang === 'en' ? 'zh-CN' : 'en'}
        >
          {narrow ? langShort : t('app.language')}
        </Button>
        <Button
          type="text"
          className="header-btn"
          onClick={() => void signOut().then(() => navigate('/signin'))}
          data-testid="sign-out"
          // On a phone the header keeps room for the user's name: sign-out is an icon with its name.
          icon={narrow ? <LogoutOutlined /> : undefined}
          aria-label={narrow ? t('app.signOut') : undefined}
          title={narrow ? t('app.signOut') : undefined}
        >
          {narrow ? null : t('app.signOut')}
        </Button>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="left"
            size={260}
            title={t('app.menu')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light" className="shell-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content id="main" className="shell-main" tabIndex={-1}>
          <Crumbs path={path} selected={selected} />
          {!online ? <Alert type="warning" showIcon title={t('app.offline')} className="banner" /> : null}
          {pending > 0 ? (
            <Alert
              type="info"
              showIcon
              title={<Link to="/findings">{t('app.pending', { n: pending })}</Link>}
              className="banner"
              data-testid="outbox-banner"
            />
          ) : null}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
