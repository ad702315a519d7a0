// Pages and panels split into chunks load on first use. A chunk that cannot be fetched (the server stopped
// or restarted while the page loaded it) must not break the page: the failure counts as the server being
// gone (the banner shows), and once the server answers the chunk is asked for again. Chromium remembers a
// module that failed to load and fails it again without fetching, so when the second try fails too the
// part offers to reload the page (its URL holds its state) instead of leaving a blank screen.
import { type ComponentType, lazy } from 'react';
import { connection } from '../live/connection';

export function lazyChunk<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await loadRetrying(load) }));
}

async function loadRetrying<P extends object>(load: () => Promise<ComponentType<P>>): Promise<ComponentType<P>> {
  try {
    return await load();
  } catch {
    connection.reportDown(); // the monitor probes /api/v1/health until the server answers again
    await connection.nextRecovery();
  }
  try {
    return await load();
  } catch {
    return ChunkFailed as ComponentType<P>;
  }
}

function ChunkFailed() {
  return (
    <p className="error" role="alert">
      This part of the page did not load while the server was away.{' '}
      <button type="button" onClick={() => window.location.reload()}>Reload the page</button>
    </p>
  );
}
