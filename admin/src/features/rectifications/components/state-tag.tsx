import { rectificationState } from '@jiandu/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/index.js';

const COLOR: Record<string, string> = {
  assigned: 'blue',
  in_progress: 'processing',
  submitted: 'gold',
  first_approved: 'cyan',
  closed: 'green',
};

export function StateTag({ state }: { state: string }) {
  const { label } = useI18n();
  return (
    <Tag color={COLOR[state]} data-testid="rect-state" data-state={state}>
      {label(rectificationState, state)}
    </Tag>
  );
}
