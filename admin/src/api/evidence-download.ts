/**
 * Opening a stored file: the API signs a short-lived URL (after checking the caller may see the record),
 * then the browser fetches it from storage — saved as a download, or shown in place (预览) in a new tab
 * for an image or a PDF. The tab is opened in the click itself and pointed at the file once the URL is
 * signed: a window opened after an await is a popup the browser may block.
 */
import type { EvidenceDisposition, SignedUrl } from '@jiandu/shared/api';
import { API, api } from '../lib/api.js';

export async function openStoredFile(path: string, disposition: EvidenceDisposition): Promise<void> {
  const tab = disposition === 'inline' ? window.open('', '_blank') : null;
  try {
    const link = await api.get<SignedUrl>(
      `${API}${path}`,
      disposition === 'inline' ? { disposition } : undefined,
    );
    if (tab) {
      tab.opener = null;
      tab.location.href = new URL(link.url, window.location.href).href;
      return;
    }
    const a = document.createElement('a');
    a.href = link.url;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    tab?.close();
    throw e;
  }
}
