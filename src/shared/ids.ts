// Schemas for the short identifiers and names the workspace and the projects
// share; kept apart so model.ts and projects.ts can both use them.
import { z } from 'zod';

/** Printable text: no C0/C1 control characters except tab and newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const printable = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/u;

/** An id in the workspace (an account entry, a project): safe in a file name, a URL and a log line. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

/** A name shown to the user: one printable line. */
export const nameSchema = z.string().min(1).max(100).regex(printable);
