// What every part of the world shares: time, randomness, identity, logs.
import type { Random } from '../../random';
import type { LogStore } from './logs';
import type { Scheduler } from './scheduler';

export interface WorldContext {
  scheduler: Scheduler;
  random: Random;
  account: string;
  region: string;
  logs: LogStore;
}

export const seconds = 1000;
export const minutes = 60 * seconds;
export const hours = 60 * minutes;
export const days = 24 * hours;

/** "2026/01/15 09:00:01.123456", the timestamp CodeBuild's agent prints. */
export function containerTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 23)}000`;
}
