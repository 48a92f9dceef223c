// One small line icon per kind of palette result, in dashboard/Icon's frame
// (16-unit box, current colour, decorative: the kind's name is written next
// to it). The shapes stay here because they mean "what kind of thing", not a
// status.
import { IconFrame } from '../dashboard/Icon';
import type { PaletteKind } from './palette-items';

const paths: Record<PaletteKind, React.JSX.Element> = {
  command: <path d="M3 4.5l3.5 3.5L3 11.5M8.5 12h4.5" />,
  page: <path d="M4 2.5h5.5L12.5 5.5v8H4zM9.5 2.5v3h3" />,
  project: <path d="M2.5 3.5h4v4h-4zM9.5 3.5h4v4h-4zM2.5 9.5h4v4h-4zM9.5 9.5h4v4h-4z" />,
  pipeline: (
    <>
      <circle cx="3.5" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="12.5" cy="8" r="1.5" />
      <path d="M5 8h1.5M9.5 8H11" />
    </>
  ),
  build: (
    <path d="M9.5 2.5a3 3 0 0 0-2.8 4L2.8 10.4a1.3 1.3 0 0 0 1.8 1.8l3.9-3.9a3 3 0 0 0 4-2.8l-1.8 1.1-1.4-.4-.4-1.4z" />
  ),
  run: <path d="M5.5 3.5v9l7-4.5z" />,
  repository: <path d="M4 2.5h8.5v9H5a1 1 0 0 0 0 2h7.5M4 2.5v10" />,
  'deploy-target': (
    <>
      <rect x="2.5" y="3" width="11" height="4" rx="1" />
      <rect x="2.5" y="9" width="11" height="4" rx="1" />
      <path d="M5 5h.1M5 11h.1" />
    </>
  ),
  deployment: <path d="M8 13V3.5M4 7.5l4-4 4 4" />,
};

export function KindIcon({ kind }: { kind: PaletteKind }): React.JSX.Element {
  return (
    <IconFrame className="icon palette-icon" strokeWidth={1.6}>
      {paths[kind]}
    </IconFrame>
  );
}
