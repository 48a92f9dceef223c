// Focus handling of the app's modal dialogs: focus starts inside, Tab and
// Shift+Tab cycle inside, and it goes back where it was when the dialog closes.
import { useEffect } from 'react';

const focusable = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select';

/**
 * Keeps focus inside `container` while it is mounted. Focus starts on the
 * first element matching `initial` (the comment box of a decision, Cancel of
 * a destructive action), else on the container itself.
 */
export function useFocusTrap(
  container: React.RefObject<HTMLElement | null>,
  initial = 'textarea',
): (event: React.KeyboardEvent) => void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = container.current;
    (root?.querySelector<HTMLElement>(initial) ?? root)?.focus();
    const keepInside = (event: FocusEvent): void => {
      if (root && event.target instanceof Node && !root.contains(event.target)) {
        root.querySelector<HTMLElement>(focusable)?.focus();
      }
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      previous?.focus();
    };
  }, [container, initial]);

  return (event) => {
    if (event.key !== 'Tab' || !container.current) return;
    const items = [...container.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
}

/** The keys of a modal dialog: Escape cancels it, Tab stays inside (useFocusTrap). */
export function useModalKeys(
  container: React.RefObject<HTMLElement | null>,
  onCancel: () => void,
  initial?: string,
): (event: React.KeyboardEvent) => void {
  const trapTab = useFocusTrap(container, initial);
  return (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    trapTab(event);
  };
}
