// The workspace's runs: the first page on load, further pages as the table scrolls towards the end,
// and live changes applied in place: from the project's event stream (a run's new object replaces its
// row; an unknown run or a resync reloads the list), or, while the stream is down, by polling (running
// runs refetched, new runs noticed) on every live tick. A reload fetches as many runs as were loaded, so a
// table scrolled deep into the list keeps its rows and its scroll position.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Run } from '../api/types';
import { useProjectEvents } from '../live/events';
import { useLiveTick } from '../live/live';

// The first page is what the table shows at once (about a dozen rows) with room to scroll; the next pages
// load as the table nears its end, so a 10,000-run project paints as fast as a 50-run one.
const FIRST_PAGE = 50;
const NEXT_PAGE = 1000;
const LOAD_AHEAD_ROWS = 15; // how close to the last loaded row the table may scroll before the next page loads
const RELOAD_MS = 300;

export interface ProjectRuns {
  runs: Run[];
  total: number;
  loading: boolean;
  error: Error | null;
  /** Call with the last row on screen; loads the next page when it is near the end. */
  onRange: (first: number, last: number) => void;
}

export function useProjectRuns(entity: string, project: string, filter: object | null, sort: string): ProjectRuns {
  const [runs, setRuns] = useState<Run[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0); // bumps to reload from the first page
  const cursor = useRef<string | null>(null);
  const fetching = useRef(false);
  const lastRowOnScreen = useRef(0);
  // bumps when a fetch ends: a table already scrolled to its end sends no new range, so the end of a fetch
  // checks again whether the next page is due (else a scroll during a reload would never load it)
  const [fetchesEnded, setFetchesEnded] = useState(0);
  const filterJson = JSON.stringify(filter);
  const queryKey = `${entity}/${project}|${filterJson}|${sort}`;
  const loadedFor = useRef(''); // the query the loaded runs answer: the same one again is a reload
  const loadedCount = useRef(0);
  loadedCount.current = runs.length;
  const reloadTimer = useRef<number | undefined>(undefined);
  const known = useRef<Map<string, Run>>(new Map());
  known.current = new Map(runs.map((r) => [r.id, r]));
  const reloadSoon = () => { // a burst of new runs reloads once
    if (reloadTimer.current !== undefined) return;
    reloadTimer.current = window.setTimeout(() => {
      reloadTimer.current = undefined;
      setGeneration((g) => g + 1);
    }, RELOAD_MS);
  };
  useEffect(() => () => window.clearTimeout(reloadTimer.current), []);
  const streaming = useProjectEvents(entity, project, (type, data) => {
    if (type === 'resync') {
      reloadSoon();
    } else if (type === 'run') {
      const run = data as Run;
      const old = known.current.get(run.id);
      if (!old) {
        if (!run.deleted) reloadSoon(); // new, or changed into the filter: the server knows where it goes
      } else if (run.deleted) {
        reloadSoon();
      } else if (run.updated_at >= old.updated_at || run.last_seq >= old.last_seq) {
        setRuns((list) => list.map((r) => (r.id === run.id ? run : r)));
      }
    }
  });
  const tick = useLiveTick(!streaming);

  useEffect(() => {
    let current = true;
    fetching.current = true;
    setLoading(true);
    const wanted = loadedFor.current === queryKey ? Math.max(FIRST_PAGE, loadedCount.current) : FIRST_PAGE;
    loadRuns(entity, project, filter, sort, wanted).then((page) => {
      if (!current) return;
      setRuns((old) => unchanged(old, page.runs));
      setTotal(page.total);
      setError(null);
      cursor.current = page.next_cursor;
      loadedFor.current = queryKey;
    }, (e) => {
      if (!current) return;
      if (e instanceof ApiError && e.status === 404) { // a project nobody logged to yet
        setRuns([]);
        setTotal(0);
      } else if (e instanceof ApiError && e.status === 0 && known.current.size > 0) {
        // a reload during an outage: the banner says so and the table keeps its rows; reconnecting reloads
      } else {
        setError(e);
      }
    }).finally(() => {
      if (current) {
        fetching.current = false;
        setLoading(false);
        setFetchesEnded((n) => n + 1);
      }
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, generation]);

  const onRange = useCallback((_first: number, last: number) => {
    lastRowOnScreen.current = last;
    if (fetching.current || !cursor.current || last < runs.length - LOAD_AHEAD_ROWS) return;
    fetching.current = true;
    api.listRuns(entity, project, { filter, sort, limit: NEXT_PAGE, cursor: cursor.current }).then((page) => {
      cursor.current = page.next_cursor;
      setRuns((old) => [...old, ...page.runs]);
      setTotal(page.total);
    }, setError).finally(() => {
      fetching.current = false;
      setFetchesEnded((n) => n + 1);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity, project, filterJson, sort, runs.length]);
  useEffect(() => {
    if (fetchesEnded > 0) onRange(0, lastRowOnScreen.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchesEnded]);

  // Live: refresh the running runs in place; reload when runs were added or removed.
  const runningIds = useRef<Set<string>>(new Set());
  runningIds.current = new Set(runs.filter((r) => r.state === 'running').map((r) => r.id));
  useEffect(() => {
    if (tick === 0 || fetching.current) return;
    let current = true;
    refreshLive(entity, project, filter, runningIds.current).then(({ updated, total: now }) => {
      if (!current) return;
      if (now !== total) {
        setGeneration((g) => g + 1);
        return;
      }
      if (updated.size > 0) setRuns((old) => old.map((r) => updated.get(r.id) ?? r));
    }, () => { /* the connection monitor shows the outage */ });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);

  return { runs, total, loading, error, onRange };
}

/**
 * The new page, keeping the old list (or old run objects) where nothing changed: the reload the event
 * stream asks for when it opens usually finds the same runs, and then charts and panels need not redo work.
 */
function unchanged(old: Run[], fresh: Run[]): Run[] {
  const before = new Map(old.map((r) => [r.id, r]));
  const same = (r: Run) => {
    const o = before.get(r.id);
    return o && JSON.stringify(o) === JSON.stringify(r) ? o : r;
  };
  const next = fresh.map(same);
  return next.length === old.length && next.every((r, i) => r === old[i]) ? old : next;
}

/** The first `wanted` runs of the list, in pages of at most NEXT_PAGE, with the cursor after them. */
async function loadRuns(entity: string, project: string, filter: object | null, sort: string, wanted: number) {
  let page = await api.listRuns(entity, project, { filter, sort, limit: Math.min(wanted, NEXT_PAGE) });
  const runs = [...page.runs];
  while (runs.length < wanted && page.next_cursor) {
    page = await api.listRuns(entity, project,
      { filter, sort, limit: Math.min(wanted - runs.length, NEXT_PAGE), cursor: page.next_cursor });
    runs.push(...page.runs);
  }
  return { runs, total: page.total, next_cursor: page.next_cursor };
}

async function refreshLive(entity: string, project: string, filter: object | null, wasRunning: Set<string>) {
  const running = { state: 'running' };
  const [count, page] = await Promise.all([
    api.listRuns(entity, project, { filter, limit: 1 }),
    api.listRuns(entity, project, { filter: filter ? { $and: [filter, running] } : running, limit: 1000 }),
  ]);
  const updated = new Map(page.runs.map((r) => [r.id, r]));
  // runs that stopped running since the last tick: fetch them once to show their final state
  const stopped = [...wasRunning].filter((id) => !updated.has(id));
  const finals = await Promise.all(stopped.map((id) => api.run(entity, project, id).catch(() => null)));
  finals.forEach((r) => r && updated.set(r.id, r));
  return { updated, total: count.total };
}
