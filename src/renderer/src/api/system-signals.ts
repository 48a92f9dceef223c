// Tells the hub what only the window knows: whether it is visible (refreshes
// slow down while the tray is all the user sees) and what the browser says
// about the network. Both transports carry it the same way.
import { useEffect } from 'react';
import type { StarboardClient } from '../../../shared/client';

export function useSystemSignals(client: StarboardClient): void {
  useEffect(() => {
    const send = (signal: { visible?: boolean; online?: boolean }) => {
      // A signal lost while reconnecting is not worth an error: the next change sends the state again.
      void client.command('app.signal', signal).catch(() => undefined);
    };
    const onVisibility = () => send({ visible: document.visibilityState === 'visible' });
    const onOnline = () => send({ online: true });
    const onOffline = () => send({ online: false });
    send({ visible: document.visibilityState === 'visible', online: navigator.onLine });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [client]);
}
