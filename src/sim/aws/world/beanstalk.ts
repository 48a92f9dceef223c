// Elastic Beanstalk environments whose health changes over time and who
// record what happened as events (kept oldest first; DescribeEvents lists
// them newest first). Enhanced health is on unless a scenario turns it off:
// then DescribeEnvironments sends no HealthStatus and DescribeEnvironmentHealth refuses.
import { minutes, seconds, type WorldContext } from './context';

export type Health = 'Green' | 'Yellow' | 'Red' | 'Grey';
export type EnhancedHealthStatus =
  'NoData' | 'Unknown' | 'Pending' | 'Ok' | 'Info' | 'Warning' | 'Degraded' | 'Severe' | 'Suspended';
export type EnvironmentStatus = 'Launching' | 'Updating' | 'Ready' | 'Terminating' | 'Terminated';
/** The status each colour usually goes with; a scenario may pick another (Yellow is Warning or Degraded). */
const usualStatus: Record<Health, EnhancedHealthStatus> = {
  Green: 'Ok',
  Yellow: 'Warning',
  Red: 'Severe',
  Grey: 'Unknown',
};

export interface BeanstalkEnvironment {
  name: string;
  id: string;
  applicationName: string;
  versionLabel: string;
  status: EnvironmentStatus;
  health: Health;
  healthStatus: EnhancedHealthStatus;
  enhancedHealth: boolean;
  causes: string[];
  instances: number;
  created: number;
  updated: number;
  /** When it was terminated; DescribeEnvironments lists it for a while after (IncludeDeleted). */
  terminated?: number;
  cname: string;
  tier: 'WebServer' | 'Worker';
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

export interface EnvironmentOptions {
  enhancedHealth?: boolean;
  tier?: BeanstalkEnvironment['tier'];
}

export class BeanstalkWorld {
  /** By environment name. */
  readonly environments = new Map<string, BeanstalkEnvironment>();
  /** Oldest first; readers reverse. */
  readonly events: BeanstalkEvent[] = [];

  constructor(private readonly ctx: WorldContext) {}

  addEnvironment(
    applicationName: string,
    name: string,
    tags: Record<string, string> = {},
    options: EnvironmentOptions = {},
  ): BeanstalkEnvironment {
    const now = this.ctx.scheduler.now();
    const env: BeanstalkEnvironment = {
      name,
      id: `e-${this.ctx.random.hex(10)}`,
      applicationName,
      versionLabel: 'v1',
      status: 'Ready',
      health: 'Green',
      healthStatus: 'Ok',
      enhancedHealth: options.enhancedHealth ?? true,
      causes: [],
      instances: 2,
      created: now,
      updated: now,
      cname: `${name}.${this.ctx.random.hex(4)}.${this.ctx.region}.elasticbeanstalk.com`,
      tier: options.tier ?? 'WebServer',
      tags,
    };
    this.environments.set(name, env);
    this.event(env, 'INFO', 'createEnvironment completed successfully.');
    return env;
  }

  /** What DescribeEnvironmentHealth and DescribeEnvironments send as HealthStatus (enhanced health only). */
  healthStatus(env: BeanstalkEnvironment): string {
    return env.healthStatus;
  }

  /** Changes the colour (and the enhanced status, by default the colour's usual one) and its causes. */
  setHealth(env: BeanstalkEnvironment, health: Health, causes: string[] = [], status = usualStatus[health]): void {
    if (env.health === health && env.healthStatus === status && causes.join() === env.causes.join()) return;
    const from = env.healthStatus;
    env.health = health;
    env.healthStatus = status;
    env.causes = causes;
    const severity = health === 'Red' ? 'ERROR' : health === 'Yellow' ? 'WARN' : 'INFO';
    this.event(
      env,
      severity,
      `Environment health has transitioned from ${from} to ${status}.${causes.length ? ' ' + causes.join(' ') : ''}`,
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

  /** Terminates an environment at once; it stays listed (Terminated) while IncludeDeleted asks for it. */
  terminate(env: BeanstalkEnvironment): void {
    const now = this.ctx.scheduler.now();
    env.status = 'Terminated';
    env.health = 'Grey';
    env.healthStatus = 'Unknown';
    env.causes = [];
    env.terminated = now;
    env.updated = now;
    this.event(env, 'INFO', 'terminateEnvironment completed successfully.');
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
