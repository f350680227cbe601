import { Tabs } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/ui/page.js';
import { useI18n } from '../../../i18n/index.js';
import { useCan } from '../../../lib/use-can.js';
import { SchemesPanel } from './schemes-panel.js';
import { UnitsPanel } from './units-panel.js';
import { UsersPanel } from './users-panel.js';

export function AdminPage() {
  const { t } = useI18n();
  const { section = 'units' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  // The system administrator sees units, users and schemes; the security administrator only the users
  // (their roles, states, locks and resets: 三员分立).
  const tabs = [
    can('unit.manage') && {
      key: 'units',
      label: `${t('admin.units')} / ${t('admin.posts')}`,
      children: <UnitsPanel />,
    },
    can('user.read') && { key: 'users', label: t('admin.users'), children: <UsersPanel /> },
    can('scheme.manage') && { key: 'schemes', label: t('admin.schemes'), children: <SchemesPanel /> },
  ].filter((x) => !!x);
  if (tabs.length === 0) return <Navigate to="/" replace />;
  if (!tabs.some((x) => x.key === section)) return <Navigate to={`/admin/${tabs[0]!.key}`} replace />;
  return (
    <Page title={can('unit.manage') ? t('admin.title') : t('nav.accounts')}>
      <Tabs activeKey={section} onChange={(k) => navigate(`/admin/${k}`)} destroyOnHidden items={tabs} />
    </Page>
  );
}
