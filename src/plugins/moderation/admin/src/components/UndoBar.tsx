import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import type { UndoOffer } from '../hooks/useDecisions';

/** The last decision and its undo, counting down once a second; gone when the window closes. */
export const UndoBar = ({ offer, onUndo, onExpire }: { offer: UndoOffer; onUndo: () => void; onExpire: () => void }) => {
  const [, tick] = React.useState(0);
  React.useEffect(() => {
    const timer = setInterval(() => (Date.now() > offer.until ? onExpire() : tick((value) => value + 1)), 1000);
    return () => clearInterval(timer);
  }, [offer, onExpire]);

  return (
    <Flex data-testid="undo-bar" justifyContent="space-between" padding={3} marginBottom={4} background="primary100" hasRadius>
      <Typography>{offer.message}</Typography>
      <Button size="S" variant="secondary" onClick={onUndo}>
        Undo ({Math.max(0, Math.ceil((offer.until - Date.now()) / 1000))} s)
      </Button>
    </Flex>
  );
};
