// Small line icons drawn inline, so they look the same on every platform
// (emoji and symbol fonts differ a lot) and follow the text colour.
// Always decorative: the words next to them carry the meaning.

const paths = {
  check: <path d="M3.5 8.5l3 3 6-7" />,
  x: <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />,
  running: (
    <>
      <circle cx="8" cy="8" r="5.5" opacity="0.3" />
      <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" />
    </>
  ),
  stop: <rect x="4.5" y="4.5" width="7" height="7" rx="1" fill="currentColor" />,
  skip: <path d="M3 11.5a5 5 0 0 1 9.2-3.7M12.5 4.5v3.5H9" />,
  'not-run': <circle cx="8" cy="8" r="5" strokeDasharray="2.2 2" />,
  unknown: <path d="M6 6.2a2 2 0 1 1 2.9 1.8C8.3 8.3 8 8.7 8 9.5M8 12.2v.1" />,
  pause: <path d="M6 4v8M10 4v8" />,
  play: <path d="M5.5 3.5v9l7-4.5z" fill="currentColor" />,
  clock: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M8 5v3.2l2.2 1.5" />
    </>
  ),
  undo: <path d="M6 3.5L3 6.5l3 3M3 6.5h6.5a3.5 3.5 0 0 1 0 7H7" />,
  'pull-request': (
    <>
      <circle cx="4.5" cy="3.5" r="1.5" />
      <circle cx="4.5" cy="12.5" r="1.5" />
      <circle cx="11.5" cy="12.5" r="1.5" />
      <path d="M4.5 5v6M11.5 11V6.5a2 2 0 0 0-2-2H7.5M9 3L7.5 4.5 9 6" />
    </>
  ),
  merge: (
    <>
      <circle cx="4.5" cy="3.5" r="1.5" />
      <circle cx="4.5" cy="12.5" r="1.5" />
      <circle cx="11.5" cy="9" r="1.5" />
      <path d="M4.5 5v6M4.5 5c0 3 2.5 4 5.5 4" />
    </>
  ),
  refresh: <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5V5.5h-3" />,
  external: <path d="M9.5 3H13v3.5M13 3L7.5 8.5M11 9.5V13H3V5h3.5" />,
  warning: <path d="M8 2.5l6 10.5H2zM8 6.5v3M8 11.3v.1" />,
  offline: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M4.2 4.2l7.6 7.6" />
    </>
  ),
  back: <path d="M10 3.5L5.5 8l4.5 4.5" />,
} satisfies Record<string, React.JSX.Element>;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }): React.JSX.Element {
  return <IconFrame className={`icon icon-${name}${className ? ` ${className}` : ''}`}>{paths[name]}</IconFrame>;
}

/** The 16-unit, current-colour, decorative frame every inline icon is drawn in (here and in the palette's kind icons). */
export function IconFrame({
  className,
  strokeWidth = 1.8,
  children,
}: {
  className: string;
  strokeWidth?: number;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
