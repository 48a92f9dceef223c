// What the command palette can find: every project, its pipelines, newest
// builds and runs, repositories, deploy targets and CodeDeploy deployments,
// the pages and the app's commands. Built from data the renderer already
// holds (no reads of its own); pure, so Node tests can run it.
import { projectResources } from '../../../../shared/project-resources';
import type { ProjectView } from '../../../../shared/projects';
import type { AnyResource, Snapshot } from '../../../../shared/snapshot';
import type { AwsLocation } from '../../../../shared/sources';
import {
  buildHref,
  codeDeployDeploymentHref,
  deployTargetHref,
  pages,
  pipelineHref,
  projectHref,
  repositoryHref,
  runHref,
} from '../../route-paths';

export type PaletteKind =
  'command' | 'page' | 'project' | 'pipeline' | 'build' | 'run' | 'repository' | 'deploy-target' | 'deployment';

/** What each kind is called next to a result. */
export const kindLabels: Record<PaletteKind, string> = {
  command: 'Command',
  page: 'Page',
  project: 'Project',
  pipeline: 'Pipeline',
  build: 'Build',
  run: 'Workflow run',
  repository: 'Repository',
  'deploy-target': 'Deploy target',
  deployment: 'Deployment',
};

export type PaletteCommand =
  'refresh' | 'theme-light' | 'theme-dark' | 'theme-system' | 'demo-open' | 'demo-close' | 'shortcuts';

interface ItemBase {
  /** Unique among the items: React's key and the option's DOM id. */
  id: string;
  kind: PaletteKind;
  title: string;
  /** Where it lives: its project, account and region, or what a command does. */
  subtitle: string;
  /** The page shortcut, as key names (see shortcuts.ts), when it has one. */
  keys?: readonly string[];
}

export type PaletteItem = ItemBase & ({ href: string } | { command: PaletteCommand });

export interface PaletteSources {
  projects: readonly ProjectView[];
  snapshot: Snapshot | undefined;
  index: Map<string, AnyResource[]> | undefined;
  /** Workspace account id → the label the user gave it. */
  accountLabels: ReadonlyMap<string, string>;
  demo: { active: boolean } | undefined;
}

/** How many of each project's builds, each repository's runs and each group's deployments are offered. */
export const newestPerOwner = 5;

const commands: readonly { command: PaletteCommand; title: string; subtitle: string }[] = [
  { command: 'refresh', title: 'Refresh now', subtitle: 'Read every account again' },
  { command: 'theme-light', title: 'Theme: light', subtitle: 'Appearance' },
  { command: 'theme-dark', title: 'Theme: dark', subtitle: 'Appearance' },
  { command: 'theme-system', title: 'Theme: match the system', subtitle: 'Appearance' },
  { command: 'shortcuts', title: 'Keyboard shortcuts', subtitle: 'Show every shortcut' },
];

function commandItems(demo: PaletteSources['demo']): PaletteItem[] {
  const items: PaletteItem[] = commands.map((c) => ({ id: `command:${c.command}`, kind: 'command', ...c }));
  // Only offered once the demo status is known: opening it over a real workspace is a deliberate step.
  if (demo?.active)
    items.push({
      id: 'command:demo-close',
      kind: 'command',
      command: 'demo-close',
      title: 'Leave the demo',
      subtitle: 'Back to your own accounts',
    });
  else if (demo)
    items.push({
      id: 'command:demo-open',
      kind: 'command',
      command: 'demo-open',
      title: 'Explore the demo workspace',
      subtitle: 'Simulated accounts, nothing saved',
    });
  return items;
}

function pageItems(): PaletteItem[] {
  return pages.map((page) => ({
    id: `page:${page.id}`,
    kind: 'page',
    title: `Go to ${page.label}`,
    subtitle: 'Page',
    href: `#/${page.id}`,
    keys: ['Mod', page.shortcut],
  }));
}

/** "Payments API · Acme (demo) · eu-west-1": the parts that are known, in that order. */
function where(
  project: string | undefined,
  location: AwsLocation | undefined,
  labels: PaletteSources['accountLabels'],
) {
  const parts = [project];
  if (location) parts.push(labels.get(location.accountKey) ?? location.accountKey, location.region);
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' · ');
}

const newestFirst = (a: string | undefined, b: string | undefined): number => (b ?? '').localeCompare(a ?? '');

/** The items of one project's resources; `seen` keeps a resource held by two projects to its first. */
function projectItems(project: ProjectView, sources: PaletteSources, seen: Set<string>): PaletteItem[] {
  const { index, accountLabels: labels } = sources;
  const items: PaletteItem[] = [
    {
      id: `project:${project.id}`,
      kind: 'project',
      title: project.name,
      subtitle: project.state === 'proposed' ? 'Proposed project' : 'Project',
      href: projectHref(project.id),
    },
  ];
  if (!index) return items;
  const fresh = <R extends AnyResource>(list: R[]): R[] => list.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const found = projectResources(project, index);

  for (const r of fresh(found.pipelines)) {
    const { name, location } = r.data.summary;
    items.push({
      id: r.id,
      kind: 'pipeline',
      title: name,
      subtitle: where(project.name, location, labels),
      href: pipelineHref(r.id),
    });
  }
  const builds = fresh(found.builds).sort((a, b) => newestFirst(a.data.startTime, b.data.startTime));
  for (const r of builds.slice(0, newestPerOwner)) {
    const { project: codebuild, number, location } = r.data;
    const title = `${codebuild} #${number ?? r.data.id.split(':').pop() ?? ''}`;
    items.push({
      id: r.id,
      kind: 'build',
      title,
      subtitle: where(project.name, location, labels),
      href: buildHref(r.id),
    });
  }
  for (const r of fresh(found.repositories)) {
    const { repository, location } = r.data;
    items.push({
      id: r.id,
      kind: 'repository',
      title: repository,
      subtitle: where(project.name, location, labels),
      href: repositoryHref(r.id),
    });
  }
  for (const r of fresh(found.githubRepositories)) {
    const { fullName, accountKey, runs } = r.data;
    const subtitle = [project.name, labels.get(accountKey) ?? accountKey].join(' · ');
    items.push({ id: r.id, kind: 'repository', title: fullName, subtitle, href: repositoryHref(r.id) });
    for (const run of runs.slice(0, newestPerOwner))
      items.push({
        id: `run:${accountKey}:${fullName}:${run.id}`,
        kind: 'run',
        title: `${run.name} #${run.runNumber}: ${run.title}`,
        subtitle: `${fullName} · ${project.name}`,
        href: runHref({ accountKey, repository: fullName, runId: run.id }),
      });
  }
  items.push(
    ...deployItems(
      project.name,
      [
        ...fresh(found.codedeployGroups),
        ...fresh(found.beanstalkEnvironments),
        ...fresh(found.cloudformationStacks),
        ...fresh(found.ecsServices),
      ],
      labels,
    ),
  );
  return items;
}

type DeployResource = Extract<
  AnyResource,
  { kind: 'codedeploy-group' | 'beanstalk-environment' | 'cloudformation-stack' | 'ecs-service' }
>;

function deployTargetName(r: DeployResource): string {
  switch (r.kind) {
    case 'codedeploy-group':
      return `${r.data.group.application} / ${r.data.group.name}`;
    case 'beanstalk-environment':
      return r.data.environment.name;
    case 'cloudformation-stack':
      return r.data.stack.name;
    case 'ecs-service':
      return r.data.service.name;
  }
}

function deployItems(
  project: string | undefined,
  targets: DeployResource[],
  labels: PaletteSources['accountLabels'],
): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const r of targets) {
    const subtitle = where(project, r.data.location, labels);
    items.push({ id: r.id, kind: 'deploy-target', title: deployTargetName(r), subtitle, href: deployTargetHref(r.id) });
    if (r.kind !== 'codedeploy-group') continue;
    const deployments = [...r.data.deployments].sort((a, b) => newestFirst(a.createdAt, b.createdAt));
    for (const d of deployments.slice(0, newestPerOwner))
      items.push({
        id: `deployment:${d.id}`,
        kind: 'deployment',
        title: `${d.id} (${d.application} / ${d.group})`,
        subtitle,
        href: codeDeployDeploymentHref(d.id),
      });
  }
  return items;
}

/**
 * Every item, in the order an empty query lists them: commands and pages,
 * then each project with its resources, then deploy targets outside any
 * project (they have pages of their own).
 */
export function paletteItems(sources: PaletteSources): PaletteItem[] {
  const seen = new Set<string>();
  const items = [...commandItems(sources.demo), ...pageItems()];
  for (const project of sources.projects) items.push(...projectItems(project, sources, seen));
  if (sources.snapshot) {
    const loose = Object.values(sources.snapshot.resources)
      .filter(
        (r): r is DeployResource =>
          r.kind === 'codedeploy-group' ||
          r.kind === 'beanstalk-environment' ||
          r.kind === 'cloudformation-stack' ||
          r.kind === 'ecs-service',
      )
      .filter((r) => !seen.has(r.id))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    items.push(...deployItems(undefined, loose, sources.accountLabels));
  }
  // Two sources can name the same deployment (a group read twice): keep the first, ids stay unique.
  const ids = new Set<string>();
  return items.filter((item) => !ids.has(item.id) && ids.add(item.id));
}
