// The soak: the hub runs for `hours` of simulated time against the `faults`
// scenario while the demo's storefront pipeline keeps asking for approvals,
// the user decides them (with double clicks and retries), AWS throttles, the
// key expires, the network goes, the hub restarts and the renderer reloads.
// It returns what it saw; the tests (test/integration/soak.test.ts and
// test/soak/day.soak.ts) judge it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../src/main/hub/log';
import type { ApprovalAuditEntry } from '../../src/shared/approvals';
import type { HubEvent } from '../../src/shared/contract';
import type { ApprovalSummary } from '../../src/shared/model';
import { demoAws } from '../../src/sim/aws';
import { type Harness, startHarness } from '../sim/aws/harness';
import { credentialExpiry, type DrillRecord, offlinePeriod, throttleBurst } from './soak-drills';
import { heapSampler } from './soak-heap';
import { RendererFollower, type ReloadCheck } from './soak-renderer';
import { openSoakRig, type SoakRig } from './soak-rig';

export interface SoakOptions {
  hours: number;
  /** Called after every simulated hour, for a long run's progress line. */
  onHour?: (hour: number, figures: SoakFigures) => void;
}

export interface SoakFigures {
  simulatedHours: number;
  realSeconds: number;
  awsCalls: number;
  eventsDelivered: number;
  approvalsSeen: number;
  approvalsDecided: number;
  decideCalls: number;
  faultsInjected: number;
  faultsSurfaced: number;
  faultsRecovered: number;
  heapMb: { baseline: number; baselineHour: number; peak: number; final: number };
  longestSettleMs: number;
}

export interface SoakReport {
  figures: SoakFigures;
  drills: DrillRecord[];
  /** Process 'unhandledRejection' events while the soak ran. */
  unhandledRejections: string[];
  /** Every 'error'-level line the hub logged. */
  errorLogs: string[];
  /** Events delivered a second time (ids), across the restart too. */
  deliveredTwice: string[];
  approvals: {
    /** PutApprovalResult calls the simulator answered with 200. */
    simApplied: number;
    /** Requests the audit log says were applied (succeeded). */
    auditApplied: number;
    /** Approvals (pipeline/stage/action/execution) with more than one applied decision. */
    appliedTwice: string[];
    /** Approvals seen waiting that no decision was applied to and that no longer wait. */
    neverDecided: string[];
  };
  /** The approvals waiting (pipeline/stage/action/execution) just before the hub restarted and just after. */
  restart: { approvalsBefore: string[]; approvalsAfter: string[] };
  reload: ReloadCheck | undefined;
}

const minutes = 60_000;
const hours = 60 * minutes;
/** The services whose lanes the hourly throttling bursts hit, in turn (the scenario throttles the others already). */
const burstServices = ['codecommit', 'cloudformation', 'ecs', 'codedeploy'];

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'starboard-soak-'));
  const sim = await startHarness('faults');
  calmTheScenario(sim);
  const rejections: string[] = [];
  const onRejection = (reason: unknown) => rejections.push(String(reason));
  process.on('unhandledRejection', onRejection);
  const errorLogs: string[] = [];
  const log: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, error) => errorLogs.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  };
  const follower = new RendererFollower();
  const open = (start: number) => {
    const opened = openSoakRig({ dir, sim, log, start, onEvent: (event: HubEvent) => follower.hear(event) });
    follower.load(opened.live);
    return opened;
  };
  const heap = heapSampler(Math.min(2, options.hours / 2));
  const tally = { awsCalls: 0, simApplied: 0, decideCalls: 0 };
  const seen = new Set<string>();
  const drills: DrillRecord[] = [];
  const totalMinutes = options.hours * 60;
  const credentialsAt = roundTo5(totalMinutes * 0.25) + 45;
  // Nobody decides in the hour of the restart until it happens: the restart carries a waiting approval.
  const restartHour = Math.floor(options.hours / 2);
  const restartAt = restartHour * 60 + 25;
  const reloadAt = restartAt + 30;
  // The hub's clock starts at the real time: the AWS sources stamp a throttle's retryAt from the wall clock
  // (sources/aws/problems.ts), and a hub clock behind it would hold the lane back until the real time is reached.
  let rig: SoakRig = open(Date.now());
  const start = rig.clock.now();
  let restart: SoakReport['restart'] = { approvalsBefore: [], approvalsAfter: [] };
  let reload: ReloadCheck | undefined;
  let decisions = 0;
  /** Applied decisions as the audit log counts them; the simulator's count until the end. */
  let decided: () => number = () => tally.simApplied;
  const minuteNow = () => Math.floor((rig.clock.now() - start) / minutes);
  const drill = async (run: () => Promise<Omit<DrillRecord, 'atMinute' | 'realSeconds'>>) => {
    const atMinute = minuteNow();
    const from = performance.now();
    const result = await run();
    drills.push({ atMinute, ...result, realSeconds: Math.round((performance.now() - from) / 100) / 10 });
  };

  const decideWaiting = async () => {
    for (const approval of rig.live.approvalList()) {
      if (approval.provider !== 'aws') continue;
      seen.add(approvalKey(approval));
      decisions += 1;
      const input = {
        requestId: randomUUID(),
        approvalId: approval.approvalId,
        decision: decisions % 4 === 0 ? ('reject' as const) : ('approve' as const),
        comment: `soak decision ${decisions}`,
      };
      // One click, a double click (two requests at once), or a retry of the same request.
      const kind = decisions % 3;
      const calls =
        kind === 0
          ? [rig.live.decide(input)]
          : kind === 1
            ? [rig.live.decide(input), rig.live.decide({ ...input, requestId: randomUUID() })]
            : [rig.live.decide(input), rig.live.decide(input)];
      tally.decideCalls += calls.length;
      await Promise.all(calls);
      if (kind === 2) {
        tally.decideCalls += 1;
        await rig.live.decide(input);
      }
    }
  };

  const tallyRequests = () => {
    // The request log grows with every call: counted and emptied each hour so the test holds no day of records.
    tally.awsCalls += sim.requests.records.length;
    tally.simApplied += sim.requests.count({ service: 'codepipeline', operation: 'PutApprovalResult', status: 200 });
    sim.requests.reset();
  };

  let stillWaiting = new Set<string>();
  let audit: ApprovalAuditEntry[] = [];
  try {
    for (let slot = 0; slot < totalMinutes; slot += 5) {
      await runTo(rig, start + slot * minutes);
      const minute = slot % 60;
      if (minute === 0) {
        if (slot > 0) {
          tallyRequests();
          heap.sample(slot / 60);
          options.onHour?.(slot / 60, figuresNow());
        }
        sim.control.startPipelineExecution(demoAws.storefront.pipeline);
      }
      if (slot === restartAt) {
        // Approval ids are minted per run of the hub; what persists is the approval itself.
        restart = { approvalsBefore: keys(rig.live.approvalList()), approvalsAfter: [] };
        const at = rig.clock.now();
        await rig.live.close();
        rig = open(at);
        restart.approvalsAfter = keys(rig.live.approvalList());
      }
      if (slot === reloadAt) {
        await rig.clock.advance(0);
        reload = follower.reload(rig.live);
      }
      const holding = slot >= restartHour * 60 && slot < restartAt;
      if (minute % 10 === 5 && !holding) await decideWaiting();
      if (minute === 15) {
        const service = burstServices[Math.floor(slot / 60) % burstServices.length] ?? 'codecommit';
        await drill(() => throttleBurst({ sim, rig, renderer: follower }, service));
      }
      if (minute === 35 && Math.floor(slot / 60) % 4 === 1)
        await drill(() => offlinePeriod({ sim, rig, renderer: follower }, 10 * minutes));
      if (slot === credentialsAt) await drill(() => credentialExpiry({ sim, rig, renderer: follower }));
    }
    await runTo(rig, start + totalMinutes * minutes);
    await decideWaiting();
    await rig.run(15 * minutes);
    tallyRequests();
    heap.sample(options.hours);
    stillWaiting = new Set(rig.live.approvalList().map(approvalKey));
    await rig.live.close();
    audit = await rig.live.journal.audit.read();
  } finally {
    await rig.live.close();
    await sim.close();
    process.off('unhandledRejection', onRejection);
    rmSync(dir, { recursive: true, force: true });
  }

  const applied = appliedDecisions(audit);
  decided = () => [...applied.values()].reduce((sum, n) => sum + n, 0);
  const figures = figuresNow();
  return {
    figures,
    drills,
    unhandledRejections: rejections,
    errorLogs,
    deliveredTwice: follower.deliveredTwice,
    approvals: {
      simApplied: tally.simApplied,
      auditApplied: decided(),
      appliedTwice: [...applied].filter(([, n]) => n > 1).map(([key]) => key),
      neverDecided: [...seen].filter((key) => !applied.has(key) && !stillWaiting.has(key)),
    },
    restart,
    reload,
  };

  function figuresNow(): SoakFigures {
    return {
      simulatedHours: (rig.clock.now() - start) / hours,
      realSeconds: Math.round((performance.now() - began) / 100) / 10,
      awsCalls: tally.awsCalls + sim.requests.records.length,
      eventsDelivered: follower.delivered,
      approvalsSeen: seen.size,
      approvalsDecided: decided(),
      decideCalls: tally.decideCalls,
      faultsInjected: drills.length,
      faultsSurfaced: drills.filter((d) => d.surfaced).length,
      faultsRecovered: drills.filter((d) => d.recovered).length,
      heapMb: heap.figures(),
      longestSettleMs: Math.round(rig.longestSettleMs()),
    };
  }
}

/**
 * The scenario's steady trouble stays (half of two services' calls
 * throttled, a malformed CodeDeploy answer, the denied resources and the
 * expired key in its policy), but its 2.5 s Beanstalk answer becomes a short
 * one: the simulator waits in real time, and a day of those would take hours.
 */
function calmTheScenario(sim: Harness): void {
  sim.faults.clear();
  sim.faults.add({ service: 'codepipeline', operation: 'ListPipelineExecutions', error: 'throttle', rate: 0.5 });
  sim.faults.add({ service: 'codebuild', operation: 'BatchGetProjects', error: 'throttle', rate: 0.5 });
  sim.faults.add({ service: 'codedeploy', operation: 'BatchGetDeployments', error: 'malformed' });
  sim.faults.add({ service: 'elasticbeanstalk', operation: 'DescribeEvents', latencyMs: 25 });
}

async function runTo(rig: SoakRig, at: number): Promise<void> {
  if (at > rig.clock.now()) await rig.run(at - rig.clock.now());
}

const roundTo5 = (minute: number) => Math.round(minute / 5) * 5;

function keys(approvals: ApprovalSummary[]): string[] {
  return approvals.map(approvalKey).sort();
}

function approvalKey(a: {
  provider?: string;
  pipeline?: string;
  stage?: string;
  action?: string;
  pipelineExecutionId?: string;
}): string {
  return [a.pipeline, a.stage, a.action, a.pipelineExecutionId].join('/');
}

/** Applied decisions per approval: requests any line of which says succeeded. */
function appliedDecisions(audit: ApprovalAuditEntry[]): Map<string, number> {
  const requests = new Map<string, string>();
  for (const line of audit) {
    if (line.provider === 'github' || line.result !== 'succeeded') continue;
    requests.set(line.requestId, approvalKey(line));
  }
  const perApproval = new Map<string, number>();
  for (const key of requests.values()) perApproval.set(key, (perApproval.get(key) ?? 0) + 1);
  return perApproval;
}
