/** The bell in the shell's header: the unread count, linking to the inbox. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/index.js';
import { useInbox } from '../api/inbox.js';

export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useInbox(true);
  const n = q.data?.unread ?? 0;
  return (
    <Button
      type="text"
      className="header-btn"
      onClick={() => navigate('/inbox')}
      aria-label={t('inbox.bell', { n })}
      data-testid="inbox-bell"
    >
      <Badge count={n} size="small" offset={[4, -2]}>
        <BellOutlined />
      </Badge>
    </Button>
  );
}
