import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Discuss } from '@strapi/icons';
import { type Counts, waitingCount } from '../api';

const REFRESH_MS = 30_000;
/** The inbox announces its decisions so the badge need not wait for the next refresh. */
export const QUEUE_CHANGED = 'moderation:queue-changed';

/**
 * The menu icon with a badge: comments a moderator still has to look at (urgent, pending, and published without
 * review), refreshed every 30 seconds and after every decision in the inbox. (The admin's own
 * `notificationsCount` is fixed when the plugin registers, so the badge lives in the icon.)
 */
export const MenuIcon = () => {
  const { get } = useFetchClient();
  const [waiting, setWaiting] = React.useState<{ urgent: number; total: number }>({ urgent: 0, total: 0 });

  React.useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const { data } = await get<{ data: Counts }>('/moderation/counts');
        if (!stopped) setWaiting({ urgent: data.data.urgent, total: waitingCount(data.data) });
      } catch {
        // No permission or offline: no badge.
      }
    };
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener(QUEUE_CHANGED, refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener(QUEUE_CHANGED, refresh);
    };
  }, [get]);

  return (
    <span style={{ position: 'relative', display: 'inline-flex' }} data-testid="moderation-menu-icon">
      <Discuss />
      {waiting.total > 0 && (
        <span
          data-testid="moderation-badge"
          aria-label={`${waiting.total} comments to look at, ${waiting.urgent} urgent`}
          style={{
            position: 'absolute',
            top: -8,
            right: -12,
            minWidth: 16,
            padding: '0 4px',
            borderRadius: 8,
            fontSize: 10,
            lineHeight: '16px',
            textAlign: 'center',
            color: 'white',
            background: waiting.urgent > 0 ? '#d02b20' : '#4945ff',
          }}
        >
          {waiting.total}
        </span>
      )}
    </span>
  );
};
