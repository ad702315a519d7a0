// "New sweep from selected runs": a dialog holding a sweep file drafted from the ticked runs (ranges of
// what varies, constants of what they share, the program from their metadata). The user picks the metric,
// goal and method, edits the YAML, and creates the sweep; the server's validation message (naming the key
// path) shows under the text, and a created sweep shows its agent command and a link to its page.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Run, Sweep } from '../api/types';
import { keysSeen, lowerIsBetter } from '../lib/runValues';
import { draftComments, draftSweep, type Goal, type Method } from '../lib/sweepDraft';
import { toYaml } from '../lib/yaml';

const MAX_RUNS = 1000;

/** The toolbar button; it loads the ticked runs (also those not loaded in the table) when opened. */
export function NewSweepButton({ entity, project, selected }: { entity: string; project: string; selected: string[] }) {
  const [openWith, setOpenWith] = useState<string[] | null>(null); // the ticked runs when it opened
  const usable = selected.length >= 2;
  return (
    <>
      <button type="button" disabled={!usable} onClick={() => setOpenWith(selected)}
        title={usable ? 'draft a sweep file from the ranges of the ticked runs' : 'tick 2 or more runs to draft a sweep from them'}>
        New sweep from {usable ? `${selected.length} runs` : 'selected runs'}
      </button>
      {openWith && <NewSweepDialog entity={entity} project={project} runIds={openWith} onClose={() => setOpenWith(null)} />}
    </>
  );
}

interface Props {
  entity: string;
  project: string;
  runIds: string[];
  onClose: () => void;
}

export function NewSweepDialog({ entity, project, runIds, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [metric, setMetric] = useState<string | null>(null);
  const [goal, setGoal] = useState<Goal | null>(null);
  const [method, setMethod] = useState<Method>('bayes');
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Sweep | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    api.listRuns(entity, project, { filter: { id: { $in: runIds } }, limit: MAX_RUNS })
      .then((page) => setRuns(page.runs), (e: Error) => setLoadError(e.message));
  }, [entity, project, runIds]);

  const metrics = useMemo(() => keysSeen(runs ?? [], 'summary', true), [runs]);
  const chosenMetric = metric ?? metrics.find((k) => /loss|acc|err|score|f1|auc/i.test(k)) ?? metrics[0] ?? '';
  const chosenGoal: Goal = goal ?? (lowerIsBetter(chosenMetric) ? 'minimize' : 'maximize');
  const drafted = useMemo(() => {
    if (!runs) return '';
    const comments = draftComments(runs);
    const body = toYaml(draftSweep(runs, { metric: chosenMetric, goal: chosenGoal, method }));
    return comments.length > 0 ? `${comments.join('\n')}\n${body}` : body;
  }, [runs, chosenMetric, chosenGoal, method]);
  const fileText = text ?? drafted;

  // a new pick rewrites the file from the runs (edits are dropped; the hint says so)
  const pick = (apply: () => void) => {
    apply();
    setText(null);
    setError(null);
  };

  const create = async () => {
    setCreating(true);
    setError(null);
    try {
      setCreated(await api.createSweep(entity, project, fileText));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setCreating(false);
    }
  };

  return (
    <dialog ref={dialog} className="new-sweep" aria-label="New sweep" onClose={onClose}>
      <h2>New sweep from {runIds.length} selected runs</h2>
      {loadError && <p className="error" role="alert">{loadError}</p>}
      {!runs && !loadError && <p className="muted">loading the runs…</p>}
      {runs && !created && (
        <>
          <div className="new-sweep-picks">
            <label>metric{' '}
              <select aria-label="metric" value={chosenMetric} onChange={(e) => pick(() => setMetric(e.target.value))}>
                {metrics.length === 0 && <option value="">(no summary metric)</option>}
                {metrics.map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            </label>
            <label>goal{' '}
              <select aria-label="goal" value={chosenGoal} onChange={(e) => pick(() => setGoal(e.target.value as Goal))}>
                <option value="minimize">minimize</option>
                <option value="maximize">maximize</option>
              </select>
            </label>
            <label>method{' '}
              <select aria-label="method" value={method} onChange={(e) => pick(() => setMethod(e.target.value as Method))}>
                <option value="bayes">bayes</option>
                <option value="random">random</option>
                <option value="grid" title="grid lists the runs' own values instead of ranges">grid</option>
              </select>
            </label>
            <span className="muted">changing these rewrites the file below</span>
          </div>
          <textarea aria-label="sweep file" spellCheck={false} value={fileText} rows={22}
            onChange={(e) => { setText(e.target.value); setError(null); }} />
          {error && <pre className="error new-sweep-error" role="alert">{error}</pre>}
          <div className="new-sweep-actions">
            <button type="button" onClick={create} disabled={creating || !fileText.trim()}>Create sweep</button>
            {text !== null && <button type="button" onClick={() => { setText(null); setError(null); }}>Reset to the draft</button>}
            <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
          </div>
        </>
      )}
      {created && (
        <div className="new-sweep-created" role="status">
          <p>Created sweep <Link to={`/${entity}/${project}/sweeps/${created.id}`}>{created.name ?? created.id}</Link>{' '}
            <span className="muted">({created.id})</span>. Start agents on as many machines as you like:</p>
          <pre aria-label="agent command">./cairn agent {entity}/{project}/{created.id}</pre>
          <div className="new-sweep-actions">
            <Link className="button" to={`/${entity}/${project}/sweeps/${created.id}`}>Open the sweep</Link>
            <button type="button" onClick={() => dialog.current?.close()}>Close</button>
          </div>
        </div>
      )}
    </dialog>
  );
}
