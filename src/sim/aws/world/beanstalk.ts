// Elastic Beanstalk environments whose health changes over time and who
// record what happened as events (newest first, as DescribeEvents lists them).
import { minutes, seconds, type WorldContext } from './context';

export type Health = 'Green' | 'Yellow' | 'Red' | 'Grey';
export type EnvironmentStatus = 'Launching' | 'Updating' | 'Ready' | 'Terminating' | 'Terminated';
const healthStatus: Record<Health, string> = { Green: 'Ok', Yellow: 'Warning', Red: 'Severe', Grey: 'Unknown' };

export interface BeanstalkEnvironment {
  name: string;
  id: string;
  applicationName: string;
  versionLabel: string;
  status: EnvironmentStatus;
  health: Health;
  causes: string[];
  instances: number;
  created: number;
  updated: number;
  cname: string;
  tags: Record<string, string>;
}

export interface BeanstalkEvent {
  date: number;
  message: string;
  applicationName: string;
  environmentName: string;
  versionLabel?: string;
  severity: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
  requestId: string;
}

export class BeanstalkWorld {
  readonly environments = new Map<string, BeanstalkEnvironment>();
  /** Oldest first; readers reverse. */
  readonly events: BeanstalkEvent[] = [];

  constructor(private readonly ctx: WorldContext) {}

  addEnvironment(applicationName: string, name: string, tags: Record<string, string> = {}): BeanstalkEnvironment {
    const now = this.ctx.scheduler.now();
    const env: BeanstalkEnvironment = {
      name,
      id: `e-${this.ctx.random.hex(10)}`,
      applicationName,
      versionLabel: 'v1',
      status: 'Ready',
      health: 'Green',
      causes: [],
      instances: 2,
      created: now,
      updated: now,
      cname: `${name}.${this.ctx.random.hex(4)}.${this.ctx.region}.elasticbeanstalk.com`,
      tags,
    };
    this.environments.set(name, env);
    this.event(env, 'INFO', 'createEnvironment completed successfully.');
    return env;
  }

  healthStatus(env: BeanstalkEnvironment): string {
    return healthStatus[env.health];
  }

  setHealth(env: BeanstalkEnvironment, health: Health, causes: string[] = []): void {
    if (env.health === health && causes.join() === env.causes.join()) return;
    const from = env.health;
    env.health = health;
    env.causes = causes;
    const severity = health === 'Red' ? 'ERROR' : health === 'Yellow' ? 'WARN' : 'INFO';
    const word = { Green: 'Ok', Yellow: 'Warning', Red: 'Severe', Grey: 'Unknown' }[health];
    this.event(
      env,
      severity,
      `Environment health has transitioned from ${healthStatus[from]} to ${word}.${causes.length ? ' ' + causes.join(' ') : ''}`,
    );
  }

  /** Deploys a version: Updating for a few minutes, then Ready with the new label. */
  deploy(env: BeanstalkEnvironment, versionLabel: string, onComplete?: (ok: boolean) => void): void {
    env.status = 'Updating';
    env.updated = this.ctx.scheduler.now();
    this.event(env, 'INFO', `Environment update is starting.`);
    this.ctx.scheduler.after(this.ctx.random.int(60, 240) * seconds, () => {
      this.event(env, 'INFO', `Deploying new version to instance(s).`);
    });
    this.ctx.scheduler.after(5 * minutes, () => {
      env.status = 'Ready';
      env.versionLabel = versionLabel;
      env.updated = this.ctx.scheduler.now();
      this.event(env, 'INFO', `New application version was deployed to running EC2 instances.`);
      this.event(env, 'INFO', 'Environment update completed successfully.');
      onComplete?.(true);
    });
  }

  event(env: BeanstalkEnvironment, severity: BeanstalkEvent['severity'], message: string): void {
    this.events.push({
      date: this.ctx.scheduler.now(),
      message,
      applicationName: env.applicationName,
      environmentName: env.name,
      versionLabel: env.versionLabel,
      severity,
      requestId: this.ctx.random.uuid(),
    });
  }
}
