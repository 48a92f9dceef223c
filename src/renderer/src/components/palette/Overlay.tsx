// The frame shared by the command palette and the shortcuts sheet: a modal
// dialog near the top of the window, closed by Escape or a click outside,
// with the app's focus trap (focus goes back where it was on close).
// `data-overlay` tells use-palette.ts that this modal is one of ours.
import { useRef } from 'react';
import { useModalKeys } from '../focus-trap';
import './palette.css';

export function Overlay({
  name,
  className,
  initial,
  onClose,
  children,
  ...labelling
}: {
  name: 'palette' | 'shortcuts';
  className: string;
  /** What takes focus when it opens (a selector inside). */
  initial: string;
  onClose: () => void;
  children: React.ReactNode;
} & ({ 'aria-label': string } | { 'aria-labelledby': string })): React.JSX.Element {
  const dialog = useRef<HTMLDivElement>(null);
  const keys = useModalKeys(dialog, onClose, initial);
  return (
    <div
      className="palette-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        {...labelling}
        data-overlay={name}
        className={className}
        onKeyDown={keys}
      >
        {children}
      </div>
    </div>
  );
}
