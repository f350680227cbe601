/**
 * 现场照片: photos an inspector takes with the phone's camera (or picks) while filling a finding. Each is
 * uploaded as soon as it is chosen — hashed on the device, sent on a signed URL with its progress shown —
 * and the finding names the uploaded files when it is submitted. Photos need the network: offline, the
 * picker says so, and the draft (without them) can still be kept and sent later.
 */
import { type EvidenceFile, FINDING_PHOTOS } from '@jiandu/shared';
import { Button } from 'antd';
import { useState } from 'react';
import { type UploadProgress, uploadEvidence } from '../../../api/evidence-upload.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { UploadStatus } from '../../../components/upload-status.js';
import { useI18n } from '../../../i18n/index.js';

export function FindingPhotos({
  value = [],
  onChange,
}: {
  value?: EvidenceFile[];
  onChange?: (v: EvidenceFile[]) => void;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  const full = value.length >= FINDING_PHOTOS;
  const add = async (files: File[]) => {
    setError(null);
    setOffline(false);
    if (!navigator.onLine) {
      setOffline(true);
      return;
    }
    let next = value;
    try {
      for (const file of files.slice(0, FINDING_PHOTOS - value.length)) {
        const meta = await uploadEvidence(file, setProgress);
        if (!next.some((p) => p.sha256 === meta.sha256)) next = [...next, meta];
        onChange?.(next);
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="finding-photos" data-testid="finding-photos">
      {value.length ? (
        <ul className="photo-list">
          {value.map((p) => (
            <li key={p.sha256} data-testid="finding-photo">
              <span>
                {p.fileName} <span className="muted small">({Math.ceil(p.size / 1024)} KB)</span>
              </span>
              <Button
                size="small"
                type="link"
                onClick={() => onChange?.(value.filter((x) => x.sha256 !== p.sha256))}
                aria-label={t('findings.removePhoto', { name: p.fileName })}
              >
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {progress ? (
        <UploadStatus progress={progress} />
      ) : full ? (
        <span className="muted small">{t('findings.photosFull', { n: FINDING_PHOTOS })}</span>
      ) : (
        <label className="file-label">
          {t('findings.addPhotos')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid="finding-photo-input"
            onChange={(e) => {
              const input = e.target;
              const files = [...(input.files ?? [])];
              void add(files).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      )}
      {offline ? (
        <div className="muted small" role="status">
          {t('findings.photosOffline')}
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} onClose={() => setError(null)} /> : null}
    </div>
  );
}
