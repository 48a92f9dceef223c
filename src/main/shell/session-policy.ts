// Session-wide policy (Electron checklist 5, S13, S16): deny every permission,
// refuse bad certificates, and harden any web contents that gets created.
import { app, session } from 'electron';
import { guardWebContents, type GuardDeps } from './web-contents';

export function applySessionPolicy(deps: GuardDeps): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    deps.warn('denied permission request', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
  app.on('certificate-error', (event, _contents, url, error, _certificate, callback) => {
    event.preventDefault();
    deps.warn('refused a bad certificate', { url: url.slice(0, 200), error });
    callback(false);
  });
}
