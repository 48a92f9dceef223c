// The lists of values some settings take (dashboard tiles, notification
// kinds), apart from model.ts so that the renderer can use them without
// loading zod: zod's schemas probe `new Function`, which the window's
// Content-Security-Policy refuses and reports as an eval.

/** The tiles of a project dashboard, in their default order. */
export const dashboardTiles = [
  'pipelines',
  'builds',
  'actions',
  'deployments',
  'repository',
  'environments',
  'approvals',
  'activity',
] as const;
export type DashboardTile = (typeof dashboardTiles)[number];

/** The kinds of event a notification can be about (issue 9's rules). */
export const notificationKinds = ['failed', 'fixed', 'approval', 'deployment', 'health', 'succeeded'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
