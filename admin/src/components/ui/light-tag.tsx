/** 三色预警: an open record's traffic light (derived by the server now), as a coloured tag; nothing when not open. */
import { LIGHT_LABELS } from '@jiandu/shared/labels';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.js';

// The preset colours the other tags use (their text passes the contrast check; the status ones do not).
const COLOR = { green: 'green', yellow: 'gold', red: 'red' } as const;

export type LightCode = keyof typeof LIGHT_LABELS;
export const LIGHT_CODES = Object.keys(LIGHT_LABELS) as LightCode[];
/** The lights as a labelled enum, for a list's filter. */
export const LIGHT_ENUM = { codes: LIGHT_CODES, labels: LIGHT_LABELS };

export function LightTag({ light }: { light: LightCode | null | undefined }) {
  const { label } = useI18n();
  if (!light) return null;
  return (
    <Tag color={COLOR[light]} data-testid="light" data-light={light}>
      {label(LIGHT_LABELS, light)}
    </Tag>
  );
}
