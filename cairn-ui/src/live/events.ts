// Server-sent events of a project (GET /api/v1/events/{entity}/{project}, docs/api.md "Live events"):
// one EventSource per project, shared by every hook on the page. While the stream is open pages apply
// its events; when it drops they fall back to polling (live.ts) until it is back. Every (re)open is
// announced as `resync`: changes made before the stream opened were not streamed, so pages refetch. A hidden tab closes its stream (a
// browser allows only six connections to a server, and every open stream holds one) and resyncs when
// it is shown again.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { API, api } from '../api/client';

export type LiveEventType = 'run' | 'history' | 'console' | 'resync';
export type LiveHandler = (type: LiveEventType, data: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const REOPEN_MS = 3000;

class ProjectStream {
  private source: EventSource | null = null;
  private handlers = new Set<LiveHandler>();
  private statusListeners = new Set<() => void>();
  private reopenTimer: number | undefined;
  open = false;

  constructor(private readonly url: string) {}

  add(handler: LiveHandler) {
    this.handlers.add(handler);
    if (this.handlers.size === 1) document.addEventListener('visibilitychange', this.onVisibility);
    if (!this.source && document.visibilityState !== 'hidden') this.connect();
  }

  private onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      this.source?.close();
      this.source = null;
      this.setOpen(false);
    } else if (!this.source && this.handlers.size > 0) {
      this.connect();
    }
  };

  remove(handler: LiveHandler) {
    this.handlers.delete(handler);
    if (this.handlers.size === 0) this.disconnect();
  }

  subscribeStatus = (listener: () => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  isOpen = () => this.open;

  private connect() {
    if (typeof EventSource === 'undefined') return; // polling only
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener('ready', () => {
      this.setOpen(true);
      // whatever changed between the page's first fetch (or the drop) and now came before the stream
      this.emit('resync', {});
    });
    for (const type of ['run', 'history', 'console', 'resync'] as const) {
      source.addEventListener(type, (e) => this.emit(type, JSON.parse((e as MessageEvent).data)));
    }
    source.onerror = () => {
      this.setOpen(false);
      api.health().catch(() => { /* the connection monitor now shows the outage */ });
      if (source.readyState === EventSource.CLOSED) { // the browser gave up (an error status): try again later
        this.source = null;
        window.clearTimeout(this.reopenTimer);
        this.reopenTimer = window.setTimeout(() => this.handlers.size > 0 && !this.source && this.connect(), REOPEN_MS);
      }
    };
  }

  private disconnect() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = null;
    this.setOpen(false);
  }

  private setOpen(open: boolean) {
    if (this.open === open) return;
    this.open = open;
    this.statusListeners.forEach((l) => l());
  }

  private emit(type: LiveEventType, data: unknown) {
    this.handlers.forEach((h) => h(type, data));
  }
}

const streams = new Map<string, ProjectStream>();

function streamOf(entity: string, project: string): ProjectStream {
  const key = `${entity}/${project}`;
  let stream = streams.get(key);
  if (!stream) {
    stream = new ProjectStream(`${API}/events/${encodeURIComponent(entity)}/${encodeURIComponent(project)}`);
    streams.set(key, stream);
  }
  return stream;
}

/**
 * Calls `handler` with every event of the project's stream (the latest handler; no need to memoise it)
 * and answers whether the stream is open right now.
 */
export function useProjectEvents(entity: string, project: string, handler: LiveHandler): boolean {
  const latest = useRef(handler);
  latest.current = handler;
  const stream = streamOf(entity, project);
  useEffect(() => {
    if (!entity || !project) return;
    const forward: LiveHandler = (type, data) => latest.current(type, data);
    stream.add(forward);
    return () => stream.remove(forward);
  }, [stream, entity, project]);
  return useSyncExternalStore(stream.subscribeStatus, stream.isOpen);
}
