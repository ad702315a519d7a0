// Says how the page stays current: "live" while the project's event stream is open, "polling" while it
// is down and the page falls back to asking every few seconds.
import { useProjectEvents } from '../live/events';

export function LiveBadge({ entity, project }: { entity: string; project: string }) {
  const streaming = useProjectEvents(entity, project, () => {});
  return (
    <span className={`live-badge ${streaming ? 'on' : 'off'}`} data-live={streaming ? 'stream' : 'polling'}
      title={streaming ? 'changes arrive as they happen (server-sent events)' : 'the live stream is down; polling'}>
      {streaming ? '● live' : '○ polling'}
    </span>
  );
}
