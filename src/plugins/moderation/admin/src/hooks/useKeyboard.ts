import * as React from 'react';

/** Single-key shortcuts for the page, ignored while the moderator types in a field or holds a modifier key. */
export const useKeyboard = (bindings: Record<string, () => unknown>) => {
  const latest = React.useRef(bindings);
  latest.current = bindings;
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};
