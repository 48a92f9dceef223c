// The palette's and the shortcut sheet's wiring in the app: which overlay is
// open, the keys that open them from anywhere, and how a palette command runs.
// The commands' mutations live here, in App, so they finish after the palette
// has closed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/model';
import { useClient } from '../../api/client';
import { unwrap } from '../../api/contract-error';
import { useDemoSwitch } from '../../api/demo';
import { settingsOptions } from '../../api/queries';
import { useRefreshNow } from '../../api/refresh';
import type { PaletteCommand } from './palette-items';

export type Overlay = 'palette' | 'shortcuts' | undefined;

/** Typing a "?" into a field is typing, not asking for help. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  );
}

/** Another modal (an approval decision, the MFA prompt) keeps the keyboard: its focus trap would fight ours. */
function otherModalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]:not([data-overlay])') !== null;
}

/** Ctrl/Cmd+K (or Ctrl/Cmd+Shift+P) toggles the palette; "?" outside a text field shows the shortcuts. */
export function useOverlay(): [Overlay, (next: Overlay) => void] {
  const [overlay, setOverlay] = useState<Overlay>(undefined);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      const palette = mod && ((key === 'k' && !event.shiftKey) || (key === 'p' && event.shiftKey));
      const help = event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextField(event.target);
      if ((!palette && !help) || otherModalOpen()) return;
      event.preventDefault();
      if (palette) setOverlay((open) => (open === 'palette' ? undefined : 'palette'));
      else setOverlay('shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [overlay, setOverlay];
}

/** Runs a palette command; `showShortcuts` opens the sheet. */
export function usePaletteCommands(showShortcuts: () => void): (command: PaletteCommand) => void {
  const client = useClient();
  const queryClient = useQueryClient();
  const { mutate: refresh } = useRefreshNow();
  const { mutate: openDemo } = useDemoSwitch('demo.open');
  const { mutate: closeDemo } = useDemoSwitch('demo.close');
  const { mutate: updateSettings } = useMutation({
    mutationFn: (patch: Partial<Settings>) => unwrap(client.command('settings.update', patch)),
    onSuccess: (next) => queryClient.setQueryData(settingsOptions(client).queryKey, next),
  });
  return useCallback(
    (command: PaletteCommand) => {
      switch (command) {
        case 'refresh':
          return refresh();
        case 'theme-light':
          return updateSettings({ theme: 'light' });
        case 'theme-dark':
          return updateSettings({ theme: 'dark' });
        case 'theme-system':
          return updateSettings({ theme: 'system' });
        case 'demo-open':
          return openDemo();
        case 'demo-close':
          return closeDemo();
        case 'shortcuts':
          return showShortcuts();
      }
    },
    [refresh, updateSettings, openDemo, closeDemo, showShortcuts],
  );
}
