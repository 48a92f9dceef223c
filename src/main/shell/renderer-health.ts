// When a window's renderer crashes or hangs (RELIABILITY R01, R03). Refreshing,
// approvals and notifications live in main and carry on regardless; a decision
// in flight finishes there and is journaled, so the reloaded page reads its
// outcome instead of sending it again. The window comes back on its own after
// a crash (not in a loop), and a hang asks the user before reloading.
import { dialog, type BrowserWindow, type RenderProcessGoneDetails } from 'electron';
import type { CrashKind } from '../crash-guard';

/** More crashes than this within the window stop the automatic reloads: a page that keeps crashing would spin. */
export const maxReloads = 3;
export const reloadWindowMs = 60_000;

export interface RendererHealthDeps {
  /** Keeps what happened for Settings → Diagnostics (the hub's recordCrash). */
  record: (kind: CrashKind, error: unknown) => void;
  now?: () => number;
}

export function watchRendererHealth(window: BrowserWindow, { record, now = Date.now }: RendererHealthDeps): void {
  const reloads: number[] = [];
  const contents = window.webContents;

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    record('renderer-gone', `the window's page stopped: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const at = now();
    while (reloads.length > 0 && (reloads[0] ?? at) < at - reloadWindowMs) reloads.shift();
    if (reloads.length >= maxReloads) return;
    reloads.push(at);
    contents.reload();
  });

  contents.on('unresponsive', () => {
    record('renderer-unresponsive', "the window's page stopped responding");
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        message: 'Starboard’s window is not responding',
        detail: 'Refreshing and notifications go on in the background. Reload the window, or wait for it to respond.',
        buttons: ['Reload', 'Wait'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        if (response !== 0 || window.isDestroyed()) return;
        contents.forcefullyCrashRenderer();
        contents.reload();
      });
  });
}
