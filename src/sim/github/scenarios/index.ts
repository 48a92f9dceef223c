// Builds the GitHub side of a named scenario: the world, plus what the
// scenario does to rate limits and faults (the `faults` scenario).
import type { SimClock } from '../../clock';
import type { FaultRule } from '../../faults';
import { Random } from '../../random';
import type { ScenarioName } from '../../scenarios';
import { World } from '../world/world';
import { buildDemo, demoTokenPrefixes } from './demo';
import { buildHostile } from './hostile';
import { buildScale } from './scale';

/** The faults scenario's revoked token: it answers 401 Bad credentials. */
export const revokedToken = 'ghp_revokedexample000000000000000000000';

export interface GitHubScenario {
  world: World;
  /** Primary-limit requests left per login when the simulator starts (others start with the full limit). */
  remainingByLogin: Map<string, number>;
  faultRules: FaultRule[];
}

export function buildScenario(
  name: ScenarioName,
  options: { seed: number; scale: number; clock: SimClock },
): GitHubScenario {
  const world = new World(options.clock, new Random(options.seed).fork('github'));
  const scenario: GitHubScenario = { world, remainingByLogin: new Map(), faultRules: [] };
  switch (name) {
    case 'demo':
      buildDemo(world);
      break;
    case 'empty':
      // An authenticated user with no repositories: any demo-style token signs in as demo-dev.
      world.acceptTokenPrefixes(demoTokenPrefixes, 'demo-dev');
      break;
    case 'scale':
      buildScale(world, options.scale);
      break;
    case 'hostile':
      buildHostile(world);
      break;
    case 'faults':
      buildDemo(world);
      world.revokeToken(revokedToken);
      scenario.remainingByLogin.set('demo-dev', 25);
      scenario.faultRules.push(
        { service: 'github', operation: 'actions/list-workflow-runs-for-repo', error: 'throttle', rate: 0.3 },
        { service: 'github', operation: 'repos/get-all-environments', error: 'access-denied', rate: 0.5 },
        { service: 'github', operation: 'pulls/list', error: 'malformed', times: 1 },
        { service: 'github', operation: 'repos/list-commits', latencyMs: 300 },
        { service: 'github', operation: 'actions/list-jobs-for-workflow-run', latencyMs: 200 },
      );
      break;
  }
  return scenario;
}
