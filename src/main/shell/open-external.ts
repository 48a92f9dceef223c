// shell.openExternal behind the allow-list; the only caller of openExternal.
import { shell } from 'electron';
import type { Logger } from '../hub/log';
import { isAllowedExternalUrl } from './external-links';

export function createOpenExternal(extraHosts: () => readonly string[], log: Logger): (url: string) => void {
  return (url) => {
    if (!isAllowedExternalUrl(url, extraHosts())) {
      log.warn('refused to open a link', { url: url.slice(0, 200) });
      return;
    }
    shell.openExternal(url).catch((error: unknown) => log.error('could not open a link', error));
  };
}
