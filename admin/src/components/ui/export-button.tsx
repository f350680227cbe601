/**
 * 导出: downloads a list as xlsx with the filters the screen shows (from its URL), through fetch with the
 * session's token (a plain link would carry no token), then saves the blob under the server's file name.
 * Every export is written to the operation log (操作日志) by the server.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { API } from '../../lib/api.js';
import { ApiError, NetworkError, type ProblemBody, toQueryString } from '../../lib/api-client.js';
import { session } from '../../lib/session.js';

/** The file name of a Content-Disposition (RFC 6266: filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** GET a file with the session (its cookie) and save it; failures throw ApiError / NetworkError. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path);
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    const problem = (await res.json().catch(() => ({}))) as ProblemBody;
    throw new ApiError(res.status, problem);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton({
  list,
  query,
  testId,
}: {
  /** The export's name: findings, rectifications, petitions, signals, cases, alerts, ranking-snapshot, bulletin. */
  list: string;
  /** The screen's filters (empty values are left out). */
  query: Record<string, string | undefined | null>;
  testId?: string;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(`${API}/exports/${list}.xlsx${toQueryString(query)}`, `${list}.xlsx`);
    } catch (e) {
      message.error(
        e instanceof NetworkError ? t('error.network') : t('export.failed', { message: errorText(e) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId ?? `export-${list}`}>
      {t('export.xlsx')}
    </Button>
  );
}
