// One run: header (state, duration, host, commit), notes and tags, its charts, system metrics,
// console output, and config/summary/metadata as searchable trees.
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, runRef } from '../api/client';
import type { Json, Run, RunPatch } from '../api/types';
import { ChartsPanel } from '../components/ChartsPanel';
import { Console } from '../components/Console';
import { GitDiff } from '../components/GitDiff';
import { JsonTree } from '../components/JsonTree';
import { NotesEditor } from '../components/NotesEditor';
import { RunFiles } from '../components/RunFiles';
import { RunNameEditor } from '../components/RunNameEditor';
import { StateBadge } from '../components/StateBadge';
import { TagsEditor } from '../components/TagsEditor';
import { runColor } from '../lib/colors';
import { formatDuration, formatTime } from '../lib/format';
import { useLiveTick } from '../live/live';
import { useConsole } from './useConsole';
import { useFetch } from './useFetch';
import { useMetricKeys } from './useMetricKeys';

export function RunPage() {
  const { entity = '', project = '', runId = '' } = useParams();
  const [edited, setEdited] = useState<Run | null>(null);
  const [running, setRunning] = useState(true);
  const patches = useRef<Promise<unknown>>(Promise.resolve());
  const tick = useLiveTick(running, { entity, project, runs: [runId] });
  const fetched = useFetch(() => api.run(entity, project, runId), [entity, project, runId, tick]);
  const run = edited && fetched.data && edited.updated_at >= fetched.data.updated_at ? edited : fetched.data;
  if (run && running !== (run.state === 'running')) setRunning(run.state === 'running');

  const runs = useMemo(() => (run ? [run] : []), [run?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const historyKeys = useMetricKeys(runs, 'history', tick);
  const systemKeys = useMetricKeys(runs, 'system', tick);
  const lines = useConsole(entity, project, runId, tick);

  if (fetched.error && !run) {
    return (
      <section className="page">
        <h1>Run {runId}</h1>
        <p className="error">{fetched.error.message}</p>
        <Link to={`/${entity}/${project}`}>Back to {entity}/{project}</Link>
      </section>
    );
  }
  if (!run) return <section className="page"><p className="muted">loading…</p></section>;

  // edits are sent one after another, so the server sees them in the order they were made
  const patch = (change: RunPatch) => {
    const sent = patches.current.then(() => api.patchRun(entity, project, runId, change)).then(setEdited);
    patches.current = sent.catch(() => undefined);
    return sent;
  };
  const chartRuns = [{ ref: runRef(run), label: run.name, color: runColor(run.id) }];
  const git = (run.metadata?.git ?? {}) as { [k: string]: Json };

  return (
    <section className="page run-page">
      <nav className="crumbs"><Link to={`/${entity}/${project}`}>{entity} / {project}</Link> / runs</nav>
      <div className="page-title">
        <span className="run-dot" style={{ background: runColor(run.id) }} />
        <RunNameEditor name={run.name} onSave={(name) => patch({ name })} />
        <StateBadge state={run.state} />
      </div>
      <dl className="run-facts">
        <div><dt>id</dt><dd>{run.id}</dd></div>
        <div><dt>duration</dt><dd>{formatDuration(run.runtime_s)}</dd></div>
        <div><dt>created</dt><dd>{formatTime(run.created_at)}</dd></div>
        {typeof run.metadata?.host === 'string' && <div><dt>host</dt><dd>{run.metadata.host}</dd></div>}
        {commandOf(run.metadata) && <div><dt>command</dt><dd><code>{commandOf(run.metadata)}</code></dd></div>}
        {typeof git.commit === 'string' && <div><dt>git commit</dt><dd title={git.commit}><code>{git.commit.slice(0, 10)}</code>{git.dirty === true && <span className="muted"> (dirty)</span>}</dd></div>}
        {typeof git.branch === 'string' && <div><dt>git branch</dt><dd>{git.branch}</dd></div>}
        {typeof git.remote === 'string' && <div><dt>git remote</dt><dd>{git.remote}</dd></div>}
        {run.group && <div><dt>group</dt><dd>{run.group}</dd></div>}
        {run.exit_code !== null && <div><dt>exit code</dt><dd>{run.exit_code}</dd></div>}
      </dl>
      {typeof git.diff === 'string' && git.diff !== '' && <GitDiff diff={git.diff} isTruncated={git.diff_truncated === true} />}
      <TagsEditor tags={run.tags} onChange={(tags) => void patch({ tags })} />
      <NotesEditor notes={run.notes ?? ''} onSave={(notes) => patch({ notes })} />
      <nav className="section-links">
        <a href="#charts">charts</a> <a href="#system">system</a> <a href="#console">console</a> <a href="#files">files</a>
        <a href="#config">config</a> <a href="#summary">summary</a> <a href="#metadata">metadata</a>
      </nav>
      <h2 id="charts">Charts</h2>
      <ChartsPanel runs={chartRuns} keys={historyKeys} namespace="history" tick={tick} />
      <h2 id="system">System</h2>
      <ChartsPanel runs={chartRuns} keys={systemKeys} namespace="system" tick={tick} />
      <h2 id="console">Console</h2>
      <Console lines={lines} />
      <h2 id="files">Files</h2>
      <RunFiles entity={entity} project={project} runId={runId} tick={tick} />
      <div className="trees">
        <div><h2 id="config">Config</h2><JsonTree value={run.config} label="config" /></div>
        <div><h2 id="summary">Summary</h2><JsonTree value={run.summary} label="summary" /></div>
        <div><h2 id="metadata">Metadata</h2><JsonTree value={run.metadata} label="metadata" /></div>
      </div>
    </section>
  );
}

/** The command that started the run: the Java SDK records `command_line`, the Python client `program` and `args`. */
function commandOf(metadata: { [k: string]: Json } | null | undefined): string | null {
  if (!metadata) return null;
  if (typeof metadata.command_line === 'string') return metadata.command_line;
  if (typeof metadata.program !== 'string') return null;
  const args = Array.isArray(metadata.args) ? metadata.args.filter((a): a is string => typeof a === 'string') : [];
  return [metadata.program, ...args].join(' ');
}
