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
  if (!can('unit.manage')) return <Navigate to="/" replace />;
  return (
    <Page title={t('admin.title')}>
      <Tabs
        activeKey={section}
        onChange={(k) => navigate(`/admin/${k}`)}
        destroyOnHidden
        items={[
          { key: 'units', label: `${t('admin.units')} / ${t('admin.posts')}`, children: <UnitsPanel /> },
          { key: 'users', label: t('admin.users'), children: <UsersPanel /> },
          { key: 'schemes', label: t('admin.schemes'), children: <SchemesPanel /> },
        ]}
      />
    </Page>
  );
}
