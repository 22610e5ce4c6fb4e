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

export const KeyboardHelp = () => (
  <span data-testid="keyboard-help">
    Keys:{' '}
    {KEYS.map(([key, what], index) => (
      <React.Fragment key={key}>
        {index > 0 && ', '}
        <kbd>{key}</kbd> {what}
      </React.Fragment>
    ))}
    .
  </span>
);
