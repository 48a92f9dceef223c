// The small review window of one approval (#/review/<id>): it shows exactly
// what would ship and takes the comment; only a click there decides. One
// window per approval: asking again brings the same window to the front.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { ReviewDecision } from '../hub/desktop/desktop-view';
import { approvalIdSchema } from '../../shared/model';
import { windowBackground } from './theme';
import { secureWebPreferences } from './window';

export const reviewWindowSize = { width: 560, height: 700 };

const decisions: readonly ReviewDecision[] = ['approve', 'reject'];

/** The review route of an approval; undefined for anything that is not an approval id. */
export function reviewUrl(appUrl: string, approvalId: string, decision?: ReviewDecision): string | undefined {
  if (!approvalIdSchema.safeParse(approvalId).success) return undefined;
  if (decision !== undefined && !decisions.includes(decision)) return undefined;
  const query = decision ? `?decision=${decision}` : '';
  return `${appUrl}#/review/${encodeURIComponent(approvalId)}${query}`;
}

export function reviewWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    ...reviewWindowSize,
    minWidth: reviewWindowSize.width,
    minHeight: reviewWindowSize.height,
    show: false,
    title: 'Review approval',
    // Over everything: it answers a notification the user just clicked.
    alwaysOnTop: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    autoHideMenuBar: true,
    backgroundColor: windowBackground(),
    webPreferences: secureWebPreferences(preload),
  };
}

export interface ReviewWindowsDeps {
  preload: string;
  /** The bundle's page (app://bundle/index.html, or the dev server). */
  appUrl: string;
  /** Every new review window: hub events must reach it (forwardEvents). */
  onWindow: (window: BrowserWindow) => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export interface ReviewWindows {
  open(approvalId: string, decision?: ReviewDecision): void;
}

export function createReviewWindows({ preload, appUrl, onWindow, warn }: ReviewWindowsDeps): ReviewWindows {
  const open = new Map<string, { window: BrowserWindow; decision: ReviewDecision | undefined }>();

  return {
    open(approvalId, decision) {
      const url = reviewUrl(appUrl, approvalId, decision);
      if (url === undefined) {
        warn('refused to open a review window', { approvalId: approvalId.slice(0, 100) });
        return;
      }
      const existing = open.get(approvalId);
      if (existing && !existing.window.isDestroyed()) {
        // A button pressed on the notification changes the preselection; a plain click
        // does not clear a choice already made in the window.
        if (decision !== undefined && decision !== existing.decision) {
          existing.decision = decision;
          void existing.window.loadURL(url);
        }
        if (existing.window.isMinimized()) existing.window.restore();
        existing.window.show();
        existing.window.focus();
        return;
      }
      const window = new BrowserWindow(reviewWindowOptions(preload));
      open.set(approvalId, { window, decision });
      // The title says what the window is for, whatever the page calls itself.
      window.on('page-title-updated', (event) => event.preventDefault());
      window.once('ready-to-show', () => {
        window.show();
        window.focus();
      });
      window.on('closed', () => {
        if (open.get(approvalId)?.window === window) open.delete(approvalId);
      });
      onWindow(window);
      void window.loadURL(url);
    },
  };
}
