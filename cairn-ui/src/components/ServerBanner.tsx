import { useServerDown } from '../live/live';

/** Shown while the server does not answer; it goes away by itself when the server is back. */
export function ServerBanner() {
  const down = useServerDown();
  if (!down) return null;
  return (
    <div className="server-banner" role="alert">
      The Cairn server does not answer. Retrying every few seconds; this page updates when it is back.
    </div>
  );
}
