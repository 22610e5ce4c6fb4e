import * as React from 'react';

/** The page's single-key shortcuts (bound in pages/Inbox.tsx), as the header shows them. */
export const KEYS: ReadonlyArray<readonly [key: string, what: string]> = [
  ['j / k', 'move'],
  ['x', 'select'],
  ['a', 'approve'],
  ['r', 'reject'],
  ['s', 'spam'],
  ['p', 'back to pending (unpublishes)'],
  ['!', 'urgent / not urgent'],
  ['e', 'seen (Published without review)'],
  ['u', 'undo'],
];

const KEY_STYLE: React.CSSProperties = { fontFamily: 'monospace', fontSize: '1.1em', padding: '0 4px', border: '1px solid #c0c0cf', borderRadius: 3, background: '#f6f6f9' };

export const KeyboardHelp = () => (
  <span data-testid="keyboard-help">
    Keys:{' '}
    {KEYS.map(([key, what], index) => (
      <React.Fragment key={key}>
        {index > 0 && ', '}
        <kbd style={KEY_STYLE}>{key}</kbd> {what}
      </React.Fragment>
    ))}
    .
  </span>
);
