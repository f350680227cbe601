import type { UploadProgress } from '../api/evidence-upload.js';
import { useI18n } from '../i18n/index.js';

/** Where an upload stands, said in words and a bar while the bytes go up. */
export function UploadStatus({ progress }: { progress: UploadProgress | 'saving' }) {
  const { t } = useI18n();
  const percent = progress !== 'saving' && progress.phase === 'sending' ? progress.percent : null;
  const text =
    progress === 'saving' || progress.phase === 'sent'
      ? t('upload.saving')
      : progress.phase === 'hashing'
        ? t('upload.hashing')
        : t('upload.sending', { percent: percent ?? 0 });
  return (
    <span className="upload-progress" role="status" data-testid="upload-progress">
      <progress max={100} {...(percent === null ? {} : { value: percent })} aria-label={text} />
      <span className="small">{text}</span>
    </span>
  );
}
